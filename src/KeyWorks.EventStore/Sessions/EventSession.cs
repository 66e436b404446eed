using KeyWorks.EventStore.Events;

namespace KeyWorks.EventStore.Sessions;

/// <summary>The session over one <see cref="EventStore"/>; see <see cref="IEventSession"/>.</summary>
internal sealed class EventSession(PostgresEventStore store, SessionMetadata metadata) : IEventSession
{
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

        _staged.Add(new StagedAppend(streamId, streamType, expected, idempotencyKey, list));
    }

    public async Task<IReadOnlyList<AppendResult>> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        if (_staged.Count == 0)
        {
            return [];
        }

        var results = await store.Appender.AppendAsync(new AppendRequest([.. _staged], Metadata, store.Options.Events), cancellationToken);
        _staged.Clear();
        return results;
    }

    public ValueTask DisposeAsync()
    {
        _staged.Clear();
        return ValueTask.CompletedTask;
    }
}

internal sealed record StagedAppend(string StreamId, string? StreamType, ExpectedVersion Expected, string? IdempotencyKey, List<EventData> Events);
