using KeyWorks.EventStore.Events;

namespace KeyWorks.EventStore.Projections;

/// <summary>
/// A read model built from events. Its tables live in a schema of its own, named by <see cref="ProjectionContext.Schema"/>:
/// always write SQL against that schema, never a fixed one, so a rebuild can build aside and swap.
/// </summary>
public interface IProjection
{
    /// <summary>A stable name (lower case letters, digits, underscores); part of the projection's schema name.</summary>
    string Name { get; }

    /// <summary>Creates the projection's tables in <see cref="ProjectionContext.Schema"/>; must be idempotent (IF NOT EXISTS).</summary>
    Task CreateStorageAsync(ProjectionContext context);

    /// <summary>
    /// Applies events, in global order, inside the context's transaction. For an async projection the checkpoint is
    /// written in the same transaction; for an inline one this is the append's transaction and a failure rolls it back.
    /// </summary>
    Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events);
}

/// <summary>When a projection runs.</summary>
public enum ProjectionLifecycle
{
    /// <summary>In the append's transaction.</summary>
    Inline,

    /// <summary>In the <see cref="ProjectionDaemon"/>, after commit, in global order.</summary>
    Async,
}
