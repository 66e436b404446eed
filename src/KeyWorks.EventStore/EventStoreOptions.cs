using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Projections;

namespace KeyWorks.EventStore;

/// <summary>How an <see cref="EventStore"/> is set up: where its tables live, which events and projections it knows.</summary>
public sealed class EventStoreOptions
{
    /// <summary>The PostgreSQL schema holding the store's tables (lower case letters, digits, underscores).</summary>
    public string Schema { get; set; } = "keyworks";

    /// <summary>Registered event type names, serialiser options and upcasters.</summary>
    public EventTypeRegistry Events { get; } = new();

    /// <summary>Projections, inline or async.</summary>
    public ProjectionRegistry Projections { get; } = new();

    /// <summary>How many events one read of the global order fetches at a time (streaming reads, daemon, feed).</summary>
    public int ReadPageSize { get; set; } = 1000;

    /// <summary>How often the daemon and the feed look for new events when no notification arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a daemon that is not the leader tries to become it.</summary>
    public TimeSpan LeaderRetryInterval { get; set; } = TimeSpan.FromSeconds(3);

    internal string NotifyChannel => $"{Schema}_events";
}
