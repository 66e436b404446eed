using KeyWorks.EventStore.Schema;

namespace KeyWorks.EventStore.Projections;

/// <summary>The projections a store runs.</summary>
public sealed class ProjectionRegistry
{
    private readonly Dictionary<string, (IProjection Projection, ProjectionLifecycle Lifecycle)> _projections = new(StringComparer.Ordinal);

    /// <summary>Adds a projection; its tables live in the schema <c>{store schema}_{name}</c>.</summary>
    public ProjectionRegistry Add(IProjection projection, ProjectionLifecycle lifecycle)
    {
        SchemaMigrator.Validate(projection.Name);
        if (!_projections.TryAdd(projection.Name, (projection, lifecycle)))
        {
            throw new InvalidOperationException($"A projection named '{projection.Name}' is already registered.");
        }

        return this;
    }

    internal IEnumerable<IProjection> Inline => _projections.Values.Where(p => p.Lifecycle == ProjectionLifecycle.Inline).Select(p => p.Projection);

    internal IEnumerable<IProjection> Async => _projections.Values.Where(p => p.Lifecycle == ProjectionLifecycle.Async).Select(p => p.Projection);

    internal IEnumerable<IProjection> All => _projections.Values.Select(p => p.Projection);

    internal (IProjection Projection, ProjectionLifecycle Lifecycle) Get(string name) =>
        _projections.TryGetValue(name, out var entry)
            ? entry
            : throw new EventStoreException("PROJECTION_NOT_FOUND", $"No projection named '{name}' is registered.");
}
