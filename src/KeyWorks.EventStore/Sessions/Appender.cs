using System.Collections.Concurrent;
using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Projections;
using Npgsql;
using NpgsqlTypes;

namespace KeyWorks.EventStore.Sessions;

/// <summary>
/// Writes sessions. Appends are serialised in the database from position assignment to commit, so the store combines
/// the sessions that are waiting at the same moment in this process into one call of <c>append_events</c>, one
/// transaction (group commit). If that combined call fails (a version conflict, an inline projection), nothing of it was
/// written and each session is retried alone, so every session still succeeds or fails on its own.
/// </summary>
internal sealed class Appender(PostgresEventStore store)
{
    private const string ConflictState = "KW409";
    private const string RecordedTimeState = "KW422";
    private const int MaxSessionsPerCall = 64;
    private const int MaxEventsPerCall = 5000;

    // A few calls in flight let parsing, stream locks and index work overlap; only position assignment to commit is serial.
    // Small sessions gain most from being combined, so they get few calls; while many events wait, each call's row inserts
    // are long parallel work next to a short serial part, and more calls in flight keep both cores busy (measured).
    private const int MaxCallsInFlight = 2;
    private const int MaxCallsInFlightWhenBusy = 8;
    private const int BusyWaitingEvents = 200;
    private readonly ConcurrentQueue<AppendRequest> _queue = new();
    private int _flushing;
    private int _waitingEvents;

    public async Task<IReadOnlyList<AppendResult>> AppendAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Metadata.RecordedAt is not null)
        {
            // An import carries its own recorded time, and a call has one recorded time: it is never combined.
            await WriteAsync([request]);
            return await request.Completion.Task;
        }

        Interlocked.Add(ref _waitingEvents, request.EventCount);
        _queue.Enqueue(request);
        if (TryTakeFlushSlot())
        {
            _ = Task.Run(FlushAsync, CancellationToken.None);
        }

        // Cancelling stops the wait, not a write already under way.
        return await request.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            var batch = new List<AppendRequest>();
            var events = 0;
            while (batch.Count < MaxSessionsPerCall && events < MaxEventsPerCall && _queue.TryDequeue(out var next))
            {
                batch.Add(next);
                events += next.EventCount;
            }

            Interlocked.Add(ref _waitingEvents, -events);

            if (batch.Count == 0)
            {
                Interlocked.Decrement(ref _flushing);
                if (_queue.IsEmpty || !TryTakeFlushSlot())
                {
                    return;
                }

                continue;
            }

            await WriteAsync(batch);
        }
    }

    private bool TryTakeFlushSlot()
    {
        while (true)
        {
            var current = Volatile.Read(ref _flushing);
            var limit = Volatile.Read(ref _waitingEvents) >= BusyWaitingEvents ? MaxCallsInFlightWhenBusy : MaxCallsInFlight;
            if (current >= limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _flushing, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    private async Task WriteAsync(List<AppendRequest> batch)
    {
        try
        {
            var results = await ExecuteAsync(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var request in batch)
            {
                await WriteAsync([request]);
            }
        }
        catch (Exception e)
        {
            batch[0].Completion.TrySetException(Translate(e, batch[0]));
        }
    }

    private async Task<AppendResult[][]> ExecuteAsync(List<AppendRequest> batch)
    {
        // Every call takes stream locks in stream-id order, so two writers touching the same streams cannot deadlock.
        var ops = batch
            .SelectMany((request, r) => request.Appends.Select((append, a) => new Op(r, a, append, request.Events[a], request.Metadata)))
            .OrderBy(op => op.Append.StreamId, StringComparer.Ordinal)
            .ToList();
        var inline = store.Options.Projections.Inline.ToList();
        await using var connection = await store.DataSource.OpenConnectionAsync();
        await using var transaction = inline.Count > 0 ? await connection.BeginTransactionAsync() : null;
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        Bind(command, ops);

        // Prepared, the statement stays on the physical connection, and Npgsql then resets pooled connections without
        // discarding plans: the append function keeps its cached plans instead of being planned afresh on every call.
        await command.PrepareAsync();
        var results = batch.Select(r => new AppendResult[r.Appends.Count]).ToArray();
        var recordedAt = new DateTimeOffset[ops.Count];
        await using (var reader = await command.ExecuteReaderAsync())
        {
            for (var i = 0; i < ops.Count; i++)
            {
                if (!await reader.ReadAsync())
                {
                    throw new InvalidOperationException("append_events returned fewer rows than streams.");
                }

                results[ops[i].Request][ops[i].Index] = new AppendResult(
                    reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetBoolean(6));
                recordedAt[i] = reader.IsDBNull(5) ? default : reader.GetFieldValue<DateTimeOffset>(5);
            }
        }

        if (transaction is not null)
        {
            var envelopes = Envelopes(ops, results, recordedAt);
            if (envelopes.Count > 0)
            {
                foreach (var projection in inline)
                {
                    await projection.ApplyAsync(new ProjectionContext(connection, transaction, store.ProjectionSchema(projection.Name), CancellationToken.None), envelopes);
                }
            }

            await transaction.CommitAsync();
        }

        return results;
    }

    private void Bind(NpgsqlCommand command, List<Op> ops)
    {
        command.CommandText = $"SELECT * FROM {store.Schema}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";
        var events = ops.SelectMany((op, s) => op.Events.Select((e, offset) => (Stream: s + 1, Offset: offset + 1, Event: e))).ToList();
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string[]> { TypedValue = ops.Select(o => o.Append.StreamId).ToArray() });
        p.Add(Text(ops.Select(o => o.Append.StreamType)));
        p.Add(new NpgsqlParameter<int[]> { TypedValue = ops.Select(o => (int)o.Append.Expected.Kind).ToArray() });
        p.Add(new NpgsqlParameter<long[]> { TypedValue = ops.Select(o => o.Append.Expected.Value).ToArray() });
        p.Add(Text(ops.Select(o => o.Append.IdempotencyKey)));
        p.Add(new NpgsqlParameter<int[]> { TypedValue = ops.Select(o => o.Events.Count).ToArray() });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = events.Select(e => e.Stream).ToArray() });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = events.Select(e => e.Offset).ToArray() });
        p.Add(new NpgsqlParameter<Guid[]> { TypedValue = events.Select(e => e.Event.EventId).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = events.Select(e => e.Event.TypeName).ToArray() });
        p.Add(new NpgsqlParameter { Value = events.Select(e => e.Event.Body).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        p.Add(new NpgsqlParameter { Value = events.Select(e => e.Event.BusinessDate).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        p.Add(Text(ops.Select(o => o.Metadata.User)));
        p.Add(Text(ops.Select(o => o.Metadata.CorrelationId)));
        p.Add(Text(ops.Select(o => o.Metadata.CausationId)));
        p.Add(new NpgsqlParameter
        {
            Value = ops.Select(o => o.Metadata.RecordedAt is { } at ? (DateTime?)at.UtcDateTime : null).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
    }

    private static NpgsqlParameter Text(IEnumerable<string?> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static List<EventEnvelope> Envelopes(List<Op> ops, AppendResult[][] results, DateTimeOffset[] recordedAt)
    {
        var envelopes = new List<EventEnvelope>();
        for (var s = 0; s < ops.Count; s++)
        {
            var op = ops[s];
            var result = results[op.Request][op.Index];
            if (result.Duplicate)
            {
                continue;
            }

            for (var j = 0; j < op.Events.Count; j++)
            {
                var e = op.Events[j];
                envelopes.Add(new EventEnvelope(
                    result.FirstPosition + j, op.Append.StreamId, result.FirstVersion + j, e.EventId, e.TypeName, e.Data, recordedAt[s],
                    e.BusinessDate, op.Metadata.User, op.Metadata.CorrelationId, op.Metadata.CausationId, op.Append.IdempotencyKey));
            }
        }

        return envelopes;
    }

    private static Exception Translate(Exception e, AppendRequest request)
    {
        if (e is PostgresException { SqlState: RecordedTimeState } early)
        {
            var stream = early.MessageText.Split(' ', 2)[1];
            return new RecordedTimeException(stream, request.Metadata.RecordedAt ?? default, e);
        }

        if (e is not PostgresException { SqlState: ConflictState } conflict)
        {
            return e;
        }

        // The message is "VERSION_CONFLICT {actual} {stream id}"; the stream id may contain spaces.
        var parts = conflict.MessageText.Split(' ', 3);
        var actual = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var expected = request.Appends.First(a => a.StreamId == parts[2]).Expected;
        return new VersionConflictException(parts[2], expected.ToString(), actual, e);
    }

    private sealed record Op(int Request, int Index, StagedAppend Append, List<PreparedEvent> Events, SessionMetadata Metadata);
}
