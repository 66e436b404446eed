using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Projections;
using Npgsql;
using NpgsqlTypes;

namespace KeyWorks.EventStore.Sessions;

/// <summary>The session over one <see cref="EventStore"/>; see <see cref="IEventSession"/>.</summary>
internal sealed class EventSession(EventStore store, SessionMetadata metadata) : IEventSession
{
    private const string ConflictState = "KW409";
    private readonly List<StagedAppend> _staged = [];

    public SessionMetadata Metadata { get; } = metadata;

    public void StartStream(string streamId, string? streamType, params object[] events) =>
        Append(streamId, ExpectedVersion.NoStream, null, events, streamType);

    public void Append(string streamId, params object[] events) => Append(streamId, ExpectedVersion.Any, null, events);

    public void Append(string streamId, ExpectedVersion expected, params object[] events) => Append(streamId, expected, null, events);

    public void Append(string streamId, ExpectedVersion expected, string? idempotencyKey, IEnumerable<object> events, string? streamType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var list = events.Select(e => e as EventData ?? new EventData(e)).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }

        _staged.Add(new StagedAppend(_staged.Count, streamId, streamType, expected, idempotencyKey, list));
    }

    public async Task<IReadOnlyList<AppendResult>> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        if (_staged.Count == 0)
        {
            return [];
        }

        // Every session takes stream locks in stream-id order, so two sessions touching the same streams cannot deadlock.
        var ordered = _staged.OrderBy(a => a.StreamId, StringComparer.Ordinal).ToList();
        var batch = Prepare(ordered);
        var inline = store.Options.Projections.Inline.ToList();
        AppendResult[] results;
        try
        {
            if (inline.Count == 0)
            {
                await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
                await using var command = new NpgsqlCommand { Connection = connection };
                results = await ExecuteAsync(command, ordered, batch, cancellationToken);
            }
            else
            {
                results = await SaveWithInlineProjectionsAsync(ordered, batch, inline, cancellationToken);
            }
        }
        catch (PostgresException e) when (e.SqlState == ConflictState)
        {
            throw ToConflict(e, ordered);
        }

        _staged.Clear();
        return results;
    }

    private async Task<AppendResult[]> SaveWithInlineProjectionsAsync(
        List<StagedAppend> ordered, PreparedBatch batch, List<IProjection> inline, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var results = await ExecuteAsync(command, ordered, batch, cancellationToken);
        var envelopes = Envelopes(ordered, batch, results);
        if (envelopes.Count > 0)
        {
            foreach (var projection in inline)
            {
                var context = new ProjectionContext(connection, transaction, store.ProjectionSchema(projection.Name), cancellationToken);
                await projection.ApplyAsync(context, envelopes);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private async Task<AppendResult[]> ExecuteAsync(NpgsqlCommand command, List<StagedAppend> ordered, PreparedBatch batch, CancellationToken cancellationToken)
    {
        command.CommandText = $"SELECT * FROM {store.Schema}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string[]> { TypedValue = ordered.Select(a => a.StreamId).ToArray() });
        p.Add(new NpgsqlParameter { Value = ordered.Select(a => a.StreamType).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = ordered.Select(a => (int)a.Expected.Kind).ToArray() });
        p.Add(new NpgsqlParameter<long[]> { TypedValue = ordered.Select(a => a.Expected.Value).ToArray() });
        p.Add(new NpgsqlParameter { Value = ordered.Select(a => a.IdempotencyKey).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = ordered.Select(a => a.Events.Count).ToArray() });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = batch.StreamIndexes });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = batch.Offsets });
        p.Add(new NpgsqlParameter<Guid[]> { TypedValue = batch.EventIds });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = batch.TypeNames });
        p.Add(new NpgsqlParameter { Value = batch.Bodies, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        p.Add(new NpgsqlParameter { Value = batch.BusinessDates, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        p.Add(new NpgsqlParameter { Value = (object?)Metadata.User ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = (object?)Metadata.CorrelationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = (object?)Metadata.CausationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });

        // Prepared, the statement stays on the physical connection, and Npgsql then resets pooled connections without
        // discarding plans: the append function keeps its cached plans instead of being planned afresh on every call.
        await command.PrepareAsync(cancellationToken);
        var results = new AppendResult[ordered.Count];
        batch.RecordedAt = new DateTimeOffset[ordered.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("append_events returned fewer rows than streams.");
            }

            var result = new AppendResult(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetBoolean(6));
            batch.RecordedAt[i] = reader.IsDBNull(5) ? default : reader.GetFieldValue<DateTimeOffset>(5);
            results[ordered[i].Index] = result;
        }

        return results;
    }

    private PreparedBatch Prepare(List<StagedAppend> ordered)
    {
        var count = ordered.Sum(a => a.Events.Count);
        var batch = new PreparedBatch(count);
        var e = 0;
        var registry = store.Options.Events;
        for (var s = 0; s < ordered.Count; s++)
        {
            var offset = 0;
            foreach (var item in ordered[s].Events)
            {
                batch.StreamIndexes[e] = s + 1;
                batch.Offsets[e] = ++offset;
                batch.EventIds[e] = item.EventId ?? Guid.CreateVersion7();
                batch.TypeNames[e] = registry.NameOf(item.Data.GetType());
                batch.Bodies[e] = registry.Serialize(item.Data);
                batch.BusinessDates[e] = item.BusinessDate ?? registry.BusinessDateOf(item.Data);
                e++;
            }
        }

        return batch;
    }

    private List<EventEnvelope> Envelopes(List<StagedAppend> ordered, PreparedBatch batch, AppendResult[] results)
    {
        var envelopes = new List<EventEnvelope>(batch.EventIds.Length);
        var e = 0;
        for (var s = 0; s < ordered.Count; s++)
        {
            var append = ordered[s];
            var result = results[append.Index];
            for (var j = 0; j < append.Events.Count; j++, e++)
            {
                if (result.Duplicate)
                {
                    continue;
                }

                envelopes.Add(new EventEnvelope(
                    result.FirstPosition + j, append.StreamId, result.FirstVersion + j, batch.EventIds[e], batch.TypeNames[e],
                    append.Events[j].Data, batch.RecordedAt[s], batch.BusinessDates[e], Metadata.User, Metadata.CorrelationId,
                    Metadata.CausationId, append.IdempotencyKey));
            }
        }

        return envelopes;
    }

    private static VersionConflictException ToConflict(PostgresException e, List<StagedAppend> ordered)
    {
        // The message is "VERSION_CONFLICT {actual} {stream id}"; the stream id may contain spaces.
        var parts = e.MessageText.Split(' ', 3);
        var actual = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var streamId = parts[2];
        var expected = ordered.First(a => a.StreamId == streamId).Expected;
        return new VersionConflictException(streamId, expected.ToString(), actual, e);
    }

    public ValueTask DisposeAsync()
    {
        _staged.Clear();
        return ValueTask.CompletedTask;
    }

    private sealed record StagedAppend(int Index, string StreamId, string? StreamType, ExpectedVersion Expected, string? IdempotencyKey, List<EventData> Events);

    private sealed class PreparedBatch(int count)
    {
        public int[] StreamIndexes { get; } = new int[count];

        public int[] Offsets { get; } = new int[count];

        public Guid[] EventIds { get; } = new Guid[count];

        public string[] TypeNames { get; } = new string[count];

        public string[] Bodies { get; } = new string[count];

        public DateOnly?[] BusinessDates { get; } = new DateOnly?[count];

        public DateTimeOffset[] RecordedAt { get; set; } = [];
    }
}
