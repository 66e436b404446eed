namespace KeyWorks.EventStore.Events;

/// <summary>A filter over the global order; every bound is optional and inclusive unless named otherwise.</summary>
public sealed record EventQuery
{
    /// <summary>Only events of these registered type names (all when null or empty).</summary>
    public IReadOnlyCollection<string>? Types { get; init; }

    /// <summary>Only events after this position (exclusive).</summary>
    public long AfterPosition { get; init; }

    /// <summary>Only events up to this position.</summary>
    public long? ToPosition { get; init; }

    /// <summary>Only events recorded at or after this time.</summary>
    public DateTimeOffset? RecordedFrom { get; init; }

    /// <summary>Only events recorded at or before this time: "what was known then".</summary>
    public DateTimeOffset? RecordedTo { get; init; }

    /// <summary>Only events of this stream.</summary>
    public string? StreamId { get; init; }

    /// <summary>At most this many events.</summary>
    public int? Limit { get; init; }
}
