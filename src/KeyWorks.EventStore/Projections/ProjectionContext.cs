using Npgsql;

namespace KeyWorks.EventStore.Projections;

/// <summary>Where a projection writes: an open connection, its transaction and the schema for its tables.</summary>
public sealed class ProjectionContext
{
    internal ProjectionContext(NpgsqlConnection connection, NpgsqlTransaction? transaction, string schema, CancellationToken cancellationToken)
    {
        Connection = connection;
        Transaction = transaction;
        Schema = schema;
        CancellationToken = cancellationToken;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction? Transaction { get; }

    /// <summary>The schema to write the projection's tables in (a plain, safe identifier).</summary>
    public string Schema { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Runs one statement with positional parameters ($1, $2, …) on the context's connection.</summary>
    public async Task<int> ExecuteAsync(string sql, params object?[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, Connection, Transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        return await command.ExecuteNonQueryAsync(CancellationToken);
    }
}
