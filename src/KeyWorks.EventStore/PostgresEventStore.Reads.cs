using System.Runtime.CompilerServices;
using KeyWorks.EventStore.Aggregation;
using KeyWorks.EventStore.Events;
using Npgsql;

namespace KeyWorks.EventStore;

public sealed partial class PostgresEventStore
{
    /// <summary>
    /// A stream's events in version order: all of them, or up to <paramref name="toVersion"/>, or only those recorded at
    /// or before <paramref name="asOf"/> (what was known then).
    /// </summary>
    public async Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(
        string streamId, long? toVersion = null, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Reader.Command(new EventQuery { StreamId = streamId, RecordedTo = asOf }, connection);
        if (toVersion is { } version)
        {
            command.CommandText = command.CommandText.Replace(" ORDER BY", $" AND version <= {version} ORDER BY", StringComparison.Ordinal);
        }

        return await Reader.ReadListAsync(command, cancellationToken);
    }

    /// <summary>Events matching <paramref name="query"/>, in global order, loaded into a list (set a limit for large ranges).</summary>
    public async Task<IReadOnlyList<EventEnvelope>> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Reader.Command(query, connection);
        return await Reader.ReadListAsync(command, cancellationToken);
    }

    /// <summary>
    /// Events matching <paramref name="query"/> in global order, read page by page so memory stays flat however many
    /// there are. Without an upper bound it stops at the head as of the first page.
    /// </summary>
    public async IAsyncEnumerable<EventEnvelope> ReadAllAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var upper = query.ToPosition ?? await GetHeadPositionAsync(cancellationToken);
        var after = query.AfterPosition;
        var remaining = query.Limit ?? long.MaxValue;
        var page = Options.ReadPageSize;
        while (remaining > 0 && after < upper)
        {
            var size = (int)Math.Min(page, remaining);
            List<EventEnvelope> events;
            await using (var connection = await DataSource.OpenConnectionAsync(cancellationToken))
            {
                await using var command = Reader.Command(query with { AfterPosition = after, ToPosition = upper, Limit = size, StreamId = query.StreamId }, connection);
                if (query.StreamId is not null)
                {
                    command.CommandText = command.CommandText.Replace("ORDER BY version", EventReader.GlobalOrder, StringComparison.Ordinal);
                }

                events = await Reader.ReadListAsync(command, cancellationToken);
            }

            foreach (var e in events)
            {
                yield return e;
            }

            if (events.Count < size)
            {
                yield break;
            }

            after = events[^1].Position;
            remaining -= events.Count;
        }
    }

    /// <summary>
    /// Events matching <paramref name="query"/> in global order, read by a single statement whose rows are taken as they
    /// arrive: memory stays flat, and the whole range costs one statement and one snapshot, however many events it holds.
    /// It holds one connection until the enumeration ends; <see cref="ReadAllAsync"/> reads short pages instead. Without an
    /// upper bound it reads to the head as of the statement.
    /// </summary>
    public async IAsyncEnumerable<EventEnvelope> ScanAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Reader.Command(query, connection);
        if (query.StreamId is not null)
        {
            command.CommandText = command.CommandText.Replace("ORDER BY version", EventReader.GlobalOrder, StringComparison.Ordinal);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Reader.Read(reader);
        }
    }

    /// <summary>
    /// Folds a stream into <typeparamref name="T"/> by its <c>Apply</c> methods (see the README); null when the stream has
    /// no events in range. <paramref name="asOf"/> gives the state as it was known at that recorded time.
    /// </summary>
    public async Task<T?> AggregateStreamAsync<T>(
        string streamId, long? toVersion = null, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default) where T : class
    {
        T? state = null;
        foreach (var e in await ReadStreamAsync(streamId, toVersion, asOf, cancellationToken))
        {
            state = AggregateFolder<T>.Fold(state, e.Data);
        }

        return state;
    }

    /// <summary>Folds a stream with an explicit function, starting from <paramref name="seed"/>.</summary>
    public async Task<T> AggregateStreamAsync<T>(
        string streamId, T seed, Func<T, EventEnvelope, T> fold, long? toVersion = null, DateTimeOffset? asOf = null,
        CancellationToken cancellationToken = default)
    {
        var state = seed;
        foreach (var e in await ReadStreamAsync(streamId, toVersion, asOf, cancellationToken))
        {
            state = fold(state, e);
        }

        return state;
    }

    /// <summary>
    /// Folds every event matching <paramref name="query"/> in global order, streaming: the way to get a projection's
    /// state as of a time in memory (set <see cref="EventQuery.RecordedTo"/>).
    /// </summary>
    public async Task<T> FoldAsync<T>(EventQuery query, T seed, Func<T, EventEnvelope, T> fold, CancellationToken cancellationToken = default)
    {
        var state = seed;
        await foreach (var e in ReadAllAsync(query, cancellationToken))
        {
            state = fold(state, e);
        }

        return state;
    }

    /// <summary>The stream's row, or null when it does not exist.</summary>
    public async Task<StreamState?> GetStreamStateAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand($"SELECT id, type, version, created, updated, archived FROM {Schema}.streams WHERE id = $1");
        command.Parameters.AddWithValue(streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StreamState(
            reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2),
            reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetBoolean(5));
    }

    /// <summary>Marks a stream archived (it stays readable; the flag is for readers to filter on).</summary>
    public async Task ArchiveStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand($"UPDATE {Schema}.streams SET archived = true, updated = now() WHERE id = $1");
        command.Parameters.AddWithValue(streamId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The position of the last committed event (0 when there is none).</summary>
    public async Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand($"SELECT last_position FROM {Schema}.event_counter WHERE id = 1");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The last position recorded at or before <paramref name="asOf"/>. Recorded times grow with position, so the events
    /// known at that time are exactly those up to this position.
    /// </summary>
    public async Task<long> GetPositionAsOfAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand($"SELECT coalesce(max(last_position), 0) FROM {Schema}.event_batches WHERE recorded_at <= $1");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = asOf.ToUniversalTime() });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>A stream's row: its type, current version, when it was created and last appended to, and whether it is archived.</summary>
public sealed record StreamState(string Id, string? Type, long Version, DateTimeOffset Created, DateTimeOffset Updated, bool Archived);
