using KeyWorks.EventStore.Events;

namespace KeyWorks.EventStore.Sessions;

/// <summary>One session's appends, serialised up front (on the caller's thread), waiting to be written.</summary>
internal sealed class AppendRequest
{
    public AppendRequest(List<StagedAppend> appends, SessionMetadata metadata, EventTypeRegistry registry)
    {
        Appends = appends;
        Metadata = metadata;
        Events = appends.Select(a => a.Events.Select(e => new PreparedEvent(
            e.EventId ?? Guid.CreateVersion7(),
            registry.NameOf(e.Data.GetType()),
            registry.Serialize(e.Data),
            e.BusinessDate ?? registry.BusinessDateOf(e.Data),
            e.Data)).ToList()).ToList();
    }

    public List<StagedAppend> Appends { get; }

    public SessionMetadata Metadata { get; }

    /// <summary>The prepared events of each append, parallel to <see cref="Appends"/>.</summary>
    public List<List<PreparedEvent>> Events { get; }

    public int EventCount => Events.Sum(e => e.Count);

    public TaskCompletionSource<IReadOnlyList<AppendResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal sealed record PreparedEvent(Guid EventId, string TypeName, string Body, DateOnly? BusinessDate, object Data);
