using System.Security.Claims;

namespace KeyWorks.GraphQL.Execution;

/// <summary>Per-request state shared by every resolver: the user, services, cancellation and the request's loaders.</summary>
public sealed class RequestContext
{
    public RequestContext(ClaimsPrincipal? user = null, IServiceProvider? services = null, CancellationToken cancellationToken = default)
    {
        User = user ?? new ClaimsPrincipal(new ClaimsIdentity());
        Services = services;
        CancellationToken = cancellationToken;
        Loaders = new DataLoaderRegistry(this);
    }

    public ClaimsPrincipal User { get; }

    public IServiceProvider? Services { get; }

    public CancellationToken CancellationToken { get; internal set; }

    /// <summary>Free-form per-request values for resolvers.</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>The loaders of this request; loads are batched while the executor waits.</summary>
    public DataLoaderRegistry Loaders { get; }
}
