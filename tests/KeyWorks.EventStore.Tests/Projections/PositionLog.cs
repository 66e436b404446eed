using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Projections;
using NpgsqlTypes;

namespace KeyWorks.EventStore.Tests.Projections;

/// <summary>
/// Records every event it is given, once: the primary key on position makes a second delivery fail loudly.
/// Refuses withdrawals over 1,000 to show an inline projection rolling an append back.
/// </summary>
public sealed class PositionLog(string name = "position_log") : IProjection
{
    public string Name { get; } = name;

    public Task CreateStorageAsync(ProjectionContext context) => context.ExecuteAsync(
        $"CREATE TABLE IF NOT EXISTS {context.Schema}.seen (position bigint PRIMARY KEY, stream_id text NOT NULL, version bigint NOT NULL, type text NOT NULL)");

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events)
    {
        if (events.Any(e => e.Data is Withdrawn { Amount: > 1000m }))
        {
            throw new InvalidOperationException("Withdrawals over 1,000 are refused.");
        }

        await using var command = new Npgsql.NpgsqlCommand(
            $"INSERT INTO {context.Schema}.seen SELECT * FROM unnest($1, $2, $3, $4)", context.Connection, context.Transaction);
        command.Parameters.Add(new Npgsql.NpgsqlParameter<long[]> { TypedValue = events.Select(e => e.Position).ToArray() });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string[]> { TypedValue = events.Select(e => e.StreamId).ToArray() });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<long[]> { TypedValue = events.Select(e => e.Version).ToArray() });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string[]> { TypedValue = events.Select(e => e.TypeName).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(context.CancellationToken);
    }
}
