using System.Runtime.CompilerServices;
using KeyWorks.EventStore.Events;
using Npgsql;

namespace KeyWorks.EventStore;

public sealed partial class PostgresEventStore
{
    /// <summary>
    /// A live feed of committed events after <paramref name="afterPosition"/> (exclusive), in global order, without end:
    /// it catches up page by page, then waits for the append notification (or polls every
    /// <see cref="EventStoreOptions.PollInterval"/>). Holds one connection while enumerated; cancel to stop.
    /// </summary>
    public async IAsyncEnumerable<EventEnvelope> SubscribeAsync(
        long afterPosition, IReadOnlyCollection<string>? types = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        var notified = 0;
        connection.Notification += (_, _) => Interlocked.Exchange(ref notified, 1);
        await using (var listen = new NpgsqlCommand($"LISTEN {Options.NotifyChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var after = afterPosition;
            while (true)
            {
                Interlocked.Exchange(ref notified, 0);
                var head = await HeadAsync(connection, cancellationToken);
                var full = false;
                if (head > after)
                {
                    await using var command = Reader.Command(
                        new EventQuery { AfterPosition = after, ToPosition = head, Types = types, Limit = Options.ReadPageSize }, connection);
                    var events = await Reader.ReadListAsync(command, cancellationToken);
                    foreach (var e in events)
                    {
                        yield return e;
                    }

                    full = events.Count == Options.ReadPageSize;
                    after = full ? events[^1].Position : head;
                }

                if (!full && Volatile.Read(ref notified) == 0)
                {
                    await connection.WaitAsync(Options.PollInterval, cancellationToken);
                }
            }
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
                await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    private async Task<long> HeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // The counter is exact: a committed value is the last committed position (a rolled-back append gives its numbers back).
        await using var command = new NpgsqlCommand($"SELECT last_position FROM {Schema}.event_counter WHERE id = 1", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
