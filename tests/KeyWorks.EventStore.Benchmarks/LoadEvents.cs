using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Projections;
using Npgsql;

namespace KeyWorks.EventStore.Benchmarks;

public sealed record Tick(int Writer, long Sequence, int Amount);

/// <summary>Per-stream totals: event count, sum of amounts, last version. Used by the benchmark and the process tests.</summary>
public sealed class StreamTotals : IProjection
{
    public string Name => "stream_totals";

    public Task CreateStorageAsync(ProjectionContext context) => context.ExecuteAsync(
        $"CREATE TABLE IF NOT EXISTS {context.Schema}.totals (stream_id text PRIMARY KEY, events bigint NOT NULL, amount bigint NOT NULL, last_version bigint NOT NULL)");

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events)
    {
        var rows = events
            .GroupBy(e => e.StreamId)
            .Select(g => (Stream: g.Key, Count: (long)g.Count(), Amount: g.Sum(e => e.Data is Tick t ? (long)t.Amount : 0L), Last: g.Max(e => e.Version)))
            .ToList();
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO {context.Schema}.totals AS t (stream_id, events, amount, last_version)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[])
            ON CONFLICT (stream_id) DO UPDATE SET events = t.events + excluded.events, amount = t.amount + excluded.amount,
                last_version = greatest(t.last_version, excluded.last_version)
            """, context.Connection, context.Transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.Stream).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = rows.Select(r => r.Count).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = rows.Select(r => r.Amount).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = rows.Select(r => r.Last).ToArray() });
        await command.ExecuteNonQueryAsync(context.CancellationToken);
    }
}

public static class LoadStore
{
    public static EventStoreOptions Options(string schema)
    {
        var options = new EventStoreOptions { Schema = schema, PollInterval = TimeSpan.FromMilliseconds(500), LeaderRetryInterval = TimeSpan.FromSeconds(1) };
        options.Events.Register<Tick>("tick");
        options.Projections.Add(new StreamTotals(), ProjectionLifecycle.Async);
        return options;
    }
}
