using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Http;
using KeyWorks.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KeyWorks.GraphQL.Tests.Http;

/// <summary>The connection_init payload reaches the request context of the connection's operations.</summary>
public sealed class authenticating_websocket_connections
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Query { a: Int }
        type Subscription { caller: String! }
        """)
        .BindSubscription("Subscription.caller", Caller)
        .Bind("Subscription.caller", c => c.Source)
        .Build();

    private static async IAsyncEnumerable<object?> Caller(FieldContext context)
    {
        await Task.Yield();
        yield return context.Request.User.Identity?.Name ?? "anonymous";
    }

    [Fact]
    public async Task the_connection_init_payload_builds_the_context_of_every_operation()
    {
        var (app, address) = await StartAsync();
        await using var _ = app;
        var uri = new Uri($"ws://{address.Authority}/graphql");

        Assert.Equal("token-of-zhou", await CallerAsync(uri, """{"type":"connection_init","payload":{"authorization":"Bearer token-of-zhou"}}"""));
        Assert.Equal("anonymous", await CallerAsync(uri, """{"type":"connection_init"}"""));
    }

    private static async Task<string> CallerAsync(Uri uri, string init)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(uri, Token);
        await Send(socket, init);
        Assert.Equal("connection_ack", JsonNode.Parse(await Receive(socket))!["type"]!.GetValue<string>());
        await Send(socket, """{"id":"1","type":"subscribe","payload":{"query":"subscription { caller }"}}""");
        var next = JsonNode.Parse(await Receive(socket))!;
        Assert.Equal("next", next["type"]!.GetValue<string>());
        return next["payload"]!["data"]!["caller"]!.GetValue<string>();
    }

    private static async Task<(WebApplication App, Uri Address)> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGraphQL("/graphql", Schema, o => o.ConnectionContextFactory = (http, payload) =>
        {
            var identity = payload?.GetValueOrDefault("authorization") is string header && header.StartsWith("Bearer ", StringComparison.Ordinal)
                ? new ClaimsIdentity([new Claim(ClaimTypes.Name, header["Bearer ".Length..])], "test")
                : new ClaimsIdentity();
            return new RequestContext(new ClaimsPrincipal(identity), http.RequestServices, http.RequestAborted);
        });
        await app.StartAsync(Token);
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    private static Task Send(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, Token);

    private static async Task<string> Receive(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}
