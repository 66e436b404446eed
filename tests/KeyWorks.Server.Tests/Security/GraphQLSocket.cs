using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KeyWorks.Server.Tests.Security;

/// <summary>A graphql-transport-ws connection to the server, initialised with a connection_init payload.</summary>
public sealed class GraphQLSocket : IDisposable
{
    private readonly ClientWebSocket _socket = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Connects and sends <c>connection_init</c> with <c>{ authorization }</c> when given; returns after the ack.</summary>
    public static async Task<GraphQLSocket> ConnectAsync(Uri server, string? authorization)
    {
        var socket = new GraphQLSocket();
        socket._socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket._socket.ConnectAsync(new Uri($"ws://{server.Authority}/graphql"), Token);
        await socket.SendAsync(authorization is null
            ? """{"type":"connection_init"}"""
            : JsonSerializer.Serialize(new { type = "connection_init", payload = new { authorization } }));
        var ack = await socket.ReceiveAsync();
        return ack["type"]!.GetValue<string>() == "connection_ack" ? socket : throw new InvalidOperationException($"no ack: {ack}");
    }

    /// <summary>Subscribes and returns the first message about it (<c>next</c>, <c>error</c> or <c>complete</c>).</summary>
    public async Task<JsonNode> SubscribeAsync(string id, string query)
    {
        await SendAsync(JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query } }));
        return await ReceiveAsync();
    }

    private Task SendAsync(string message) => _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, Token);

    private async Task<JsonNode> ReceiveAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(text.ToString())!;
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
