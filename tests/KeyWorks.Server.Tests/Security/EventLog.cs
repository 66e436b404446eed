using System.Text.Json;
using Npgsql;

namespace KeyWorks.Server.Tests.Security;

/// <summary>The server's event log read straight from its database (<c>keyworks.events</c>).</summary>
public sealed class EventLog(string connectionString)
{
    /// <summary>The head position.</summary>
    public async Task<long> HeadAsync() => await ScalarAsync<long>("SELECT coalesce(max(position), 0) FROM keyworks.events");

    /// <summary>A digest of every event up to <paramref name="position"/>: position, id, stream, version, type, data, user, recorded time.</summary>
    public async Task<string> DigestAsync(long position) => await ScalarAsync<string>("""
        SELECT coalesce(md5(string_agg(concat_ws('|', position, event_id, stream_id, version, type, data::text, user_name, recorded_at), E'\n' ORDER BY position)), '')
        FROM keyworks.events WHERE position <= $1
        """, position);

    /// <summary>The data of the events after <paramref name="position"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> DataAfterAsync(long position)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT data::text FROM keyworks.events WHERE position > $1 ORDER BY position", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = position });
        var data = new List<JsonElement>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            data.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        }

        return data;
    }

    /// <summary>Runs a statement; returns the database's error code (SQLSTATE) when it fails, null when it succeeds.</summary>
    public async Task<string?> TryExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
    }

    /// <summary>Every string value inside a JSON document.</summary>
    public static IEnumerable<string> Strings(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => [json.GetString()!],
        JsonValueKind.Object => json.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => json.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
