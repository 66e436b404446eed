using KeyWorks.GraphQL.Http;
using KeyWorks.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KeyWorks.GraphQL.Tests.Http;

/// <summary>A real Kestrel server on a free local port serving a small schema, for HTTP, WebSocket and browser tests.</summary>
public sealed class GraphQLServer : IAsyncLifetime
{
    public const string Sdl = """
        type Query {
          hello(name: String = "world"): String!
          project(id: ID!): Project
          projects: [Project!]!
        }
        type Project { id: ID! name: String! }
        type Mutation { rename(id: ID!, name: String!): Project }
        type Subscription { ticks(count: Int! = 3): Int! }
        """;

    public static readonly string PersistedQuery = "query Persisted { hello(name: \"persisted\") }";

    private WebApplication? _app;
    private WebApplication? _allowListApp;

    public Uri Address { get; private set; } = null!;

    public Uri AllowListAddress { get; private set; } = null!;

    public static Schema CreateSchema() => SchemaBuilder.FromSdl(Sdl)
        .Bind("Query.hello", c => $"Hello, {c.Argument<string>("name")}!")
        .Bind("Query.project", c => new Dictionary<string, object?> { ["id"] = c.Argument<string>("id"), ["name"] = "Bridge" })
        .Bind("Query.projects", _ => Enumerable.Range(1, 3).Select(i => new Dictionary<string, object?> { ["id"] = i, ["name"] = $"P{i}" }).ToList())
        .Bind("Mutation.rename", c => new Dictionary<string, object?> { ["id"] = c.Argument<string>("id"), ["name"] = c.Argument<string>("name") })
        .BindSubscription("Subscription.ticks", Ticks)
        .Bind("Subscription.ticks", c => c.Source)
        .Build();

    private static async IAsyncEnumerable<object?> Ticks(KeyWorks.GraphQL.Execution.FieldContext context)
    {
        var count = context.Argument<int>("count");
        for (var i = 1; i <= count; i++)
        {
            await Task.Delay(10, context.CancellationToken);
            yield return i;
        }
    }

    public async ValueTask InitializeAsync()
    {
        var schema = CreateSchema();
        var persisted = PersistedDocuments.From([PersistedQuery]);
        _app = await StartAsync(app => app.MapGraphQL("/graphql", schema, o =>
        {
            o.PersistedDocuments = persisted;

            // A caller may be denied introspection; here the tests ask for that with a header.
            o.ExecutionOptionsFor = http => http.Request.Headers["X-Introspection"] == "off"
                ? o.Execution with { AllowIntrospection = false }
                : o.Execution;
        }));
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _allowListApp = await StartAsync(app => app.MapGraphQL("/graphql", schema, o =>
        {
            o.PersistedDocuments = persisted;
            o.AllowListOnly = true;
        }));
        AllowListAddress = new Uri(_allowListApp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        map(app);
        await app.StartAsync();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_allowListApp is not null)
        {
            await _allowListApp.DisposeAsync();
        }
    }
}
