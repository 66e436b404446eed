using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using KeyWorks.GraphQL.Tests.Oracle;

namespace KeyWorks.GraphQL.Tests.Http;

public sealed class subscribing_to_events(GraphQLServer server) : IClassFixture<GraphQLServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Uri WebSocketUri => new($"ws://{server.Address.Authority}/graphql");

    [Fact]
    public async Task the_graphql_ws_client_receives_every_event()
    {
        var output = await RunNode("subscribe.mjs", WebSocketUri.ToString(), "subscription { ticks(count: 3) }");

        var events = JsonNode.Parse(output)!["events"]!.AsArray();
        Assert.Equal([1, 2, 3], events.Select(e => e!["data"]!["ticks"]!.GetValue<int>()));
    }

    [Fact]
    public async Task the_graphql_ws_client_gets_validation_errors()
    {
        var output = await RunNode("subscribe.mjs", WebSocketUri.ToString(), "subscription { nope }");

        var error = JsonNode.Parse(output)!["error"]!.AsArray();
        Assert.Equal("Cannot query field \"nope\" on type \"Subscription\".", error[0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task server_sent_events_stream_each_result_then_complete()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "/graphql"))
        {
            Content = new StringContent("""{"query":"subscription { ticks(count: 2) }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Token);
        var body = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            "event: next\ndata: {\"data\":{\"ticks\":1}}\n\nevent: next\ndata: {\"data\":{\"ticks\":2}}\n\nevent: complete\ndata: \n\n",
            body);
    }

    [Fact]
    public async Task subscribing_before_connection_init_closes_with_4401()
    {
        using var socket = await Connect();

        await Send(socket, """{"id":"1","type":"subscribe","payload":{"query":"subscription { ticks }"}}""");
        var (closeStatus, _) = await ReceiveUntilClosed(socket);

        Assert.Equal(4401, closeStatus);
    }

    [Fact]
    public async Task a_second_connection_init_closes_with_4429()
    {
        using var socket = await Connect();

        await Send(socket, """{"type":"connection_init"}""");
        await Send(socket, """{"type":"connection_init"}""");
        var (closeStatus, messages) = await ReceiveUntilClosed(socket);

        Assert.Equal(4429, closeStatus);
        Assert.Contains("connection_ack", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ping_is_answered_with_pong()
    {
        using var socket = await Connect();

        await Send(socket, """{"type":"connection_init"}""");
        await Send(socket, """{"type":"ping"}""");
        var first = await Receive(socket);
        var second = await Receive(socket);

        Assert.Equal(["connection_ack", "pong"], new[] { first, second }.Select(m => JsonNode.Parse(m)!["type"]!.GetValue<string>()));
    }

    private async Task<ClientWebSocket> Connect()
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(WebSocketUri, Token);
        return socket;
    }

    private static Task Send(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, Token);

    private static async Task<string> Receive(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    private static async Task<(int? Status, List<string> Messages)> ReceiveUntilClosed(ClientWebSocket socket)
    {
        var messages = new List<string>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return ((int?)result.CloseStatus, messages);
            }

            messages.Add(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }

    internal static async Task<string> RunNode(string script, params string[] arguments)
    {
        _ = GraphQLJsOracle.Instance;
        var start = new ProcessStartInfo("node") { WorkingDirectory = Path.Combine(Corpus.ProjectDirectory, "oracle"), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var errors = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        Assert.True(process.ExitCode == 0, await errors);
        return await output;
    }
}
