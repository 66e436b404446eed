using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Http;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.Server.Api;

/// <summary>
/// The GraphQL API: the contract <c>schema/*.graphql</c> (copied beside the server's assembly) with the fields bound so far.
/// </summary>
public static class KeyWorksApi
{
    /// <summary>The folder the SDL files are loaded from: <c>schema/</c> in the build output.</summary>
    public static string SchemaFolder => Path.Combine(AppContext.BaseDirectory, "schema");

    /// <summary>
    /// Limits per operation: the engine's defaults, but a cost of 1,000,000: the full introspection query of the contract
    /// (every type's fields, arguments and enum values) is estimated at about 52,000, and a whole 500-project programme's
    /// list with figures and nodes (<c>projects(first: 500)</c>, the engine assuming 10 nodes each) at about 371,000.
    /// A lost or full database, wherever a resolver meets it (an as-of read, say), is the retriable error of
    /// <see cref="DatabaseFailures"/> rather than an internal error.
    /// </summary>
    public static ExecutionOptions Execution { get; } =
        ExecutionOptions.Default with { MaxCost = 1_000_000, TranslateException = DatabaseFailures.ToRetriable };

    /// <summary>
    /// Builds the executable schema from the SDL files in <see cref="SchemaFolder"/>. Money (<c>Decimal</c>) is written
    /// as a JSON string, as the contract says, so no client reads it as a binary float.
    /// </summary>
    public static Schema BuildSchema() =>
        SchemaBuilder.FromFiles(Directory.GetFiles(SchemaFolder, "*.graphql").Order(StringComparer.Ordinal))
            .BindScalar(CustomScalars.Decimal(asString: true))
            .BindAuth()
            .BindProjects()
            .BindProjectMutations()
            .BindNodeMutations()
            .BindReportMutations()
            .BindReports()
            .BindSubscriptions()
            .BindOverview()
            .BindProblems()
            .BindNodes()
            .BindProblemMutations()
            .BindBulletins()
            .Build();

    /// <summary>The API's services: the project records (reports, history) and the feed that keeps them and the subscriptions current.</summary>
    public static IServiceCollection AddKeyWorksApi(this IServiceCollection services)
    {
        services.AddSingleton(provider => new ProjectRecords(provider.GetRequiredService<KeyWorks.EventStore.PostgresEventStore>()));
        services.AddHostedService<ProjectRecordsService>();
        return services;
    }

    /// <summary>Serves the API at <c>/graphql</c> (POST, GET, WebSocket, SSE; GraphiQL for browsers).</summary>
    /// <remarks>
    /// Answers of queries are kept per read-model position for <c>KeyWorks:Api:ResponseCacheMilliseconds</c> (default
    /// 1000; 0 turns it off), see <see cref="ResponseCache"/>.
    /// </remarks>
    public static IEndpointRouteBuilder MapKeyWorksApi(this IEndpointRouteBuilder endpoints, Schema schema)
    {
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        var cache = new ResponseCache(TimeSpan.FromMilliseconds(configuration.GetValue("KeyWorks:Api:ResponseCacheMilliseconds", 1000)));
        endpoints.MapGraphQL("/graphql", schema, o =>
        {
            o.Execution = Execution;
            o.ContextFactory = ApiAuth.ContextFor;
            o.ConnectionContextFactory = ApiAuth.ContextForConnection;
        }).Add(endpoint =>
        {
            if (endpoint.RequestDelegate is { } handler)
            {
                endpoint.RequestDelegate = http => cache.HandleAsync(http, handler);
            }
        });
        return endpoints;
    }
}
