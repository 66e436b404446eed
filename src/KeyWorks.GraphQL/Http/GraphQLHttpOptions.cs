using KeyWorks.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace KeyWorks.GraphQL.Http;

/// <summary>How the GraphQL endpoint serves requests.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Execution limits and switches; <see cref="ExecutionOptionsFor"/> may vary them per caller.</summary>
    public ExecutionOptions Execution { get; set; } = ExecutionOptions.Default;

    /// <summary>Chooses the execution options for a request, e.g. introspection only for signed-in users.</summary>
    public Func<HttpContext, ExecutionOptions>? ExecutionOptionsFor { get; set; }

    /// <summary>Builds the per-request context; by default the user, services and abort token of the HTTP request.</summary>
    public Func<HttpContext, RequestContext>? ContextFactory { get; set; }

    /// <summary>
    /// Builds the context of a graphql-transport-ws operation from the upgrade request and the payload of the
    /// connection's <c>connection_init</c> message (null when it had none), e.g. to read a token from
    /// <c>{ "authorization": "Bearer …" }</c>: browsers cannot set headers on a WebSocket. When unset,
    /// <see cref="ContextFactory"/> (or the default) is used and the payload is ignored.
    /// </summary>
    public Func<HttpContext, IReadOnlyDictionary<string, object?>?, RequestContext>? ConnectionContextFactory { get; set; }

    /// <summary>The largest request body accepted, in bytes (a 413 beyond it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Documents clients may send by hash instead of text.</summary>
    public PersistedDocuments? PersistedDocuments { get; set; }

    /// <summary>Only persisted documents may run: document text is accepted only when its hash is in the store.</summary>
    public bool AllowListOnly { get; set; }

    /// <summary>Serve GraphiQL to browsers: a GET with Accept: text/html and no query.</summary>
    public bool EnableGraphiQL { get; set; } = true;

    /// <summary>How long a graphql-transport-ws client may take to send connection_init.</summary>
    public TimeSpan WebSocketInitTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
