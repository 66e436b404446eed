using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;
using Microsoft.AspNetCore.Http;

namespace KeyWorks.GraphQL.Http;

/// <summary>
/// One graphql-transport-ws connection: connection_init / connection_ack, ping / pong, subscribe with
/// next / error / complete, and the protocol's close codes for misbehaving clients.
/// </summary>
internal sealed class GraphQLWebSocket
{
    public const string SubProtocol = "graphql-transport-ws";
    private const int MaxMessageBytes = 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly Schema _schema;
    private readonly GraphQLHttpOptions _options;
    private readonly HttpContext _http;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing;
    private bool _initialised;
    private bool _acknowledged;
    private IReadOnlyDictionary<string, object?>? _initPayload;

    private GraphQLWebSocket(WebSocket socket, Schema schema, GraphQLHttpOptions options, HttpContext http)
    {
        _socket = socket;
        _schema = schema;
        _options = options;
        _http = http;
        _closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    }

    public static async Task HandleAsync(HttpContext http, Schema schema, GraphQLHttpOptions options)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync($"WebSocket connections must use the {SubProtocol} subprotocol.", http.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(SubProtocol).ConfigureAwait(false);
        var connection = new GraphQLWebSocket(socket, schema, options, http);
        await connection.RunAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var initTimeout = Task.Delay(_options.WebSocketInitTimeout, _closing.Token);
        _ = initTimeout.ContinueWith(
            async _ =>
            {
                if (!_initialised)
                {
                    await CloseAsync(4408, "Connection initialisation timeout").ConfigureAwait(false);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        try
        {
            while (_socket.State == WebSocketState.Open && !_closing.IsCancellationRequested)
            {
                var message = await ReceiveAsync().ConfigureAwait(false);
                if (message is null)
                {
                    break;
                }

                await HandleMessageAsync(message).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            foreach (var operation in _operations.Values)
            {
                await operation.CancelAsync().ConfigureAwait(false);
            }

            await _closing.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task<byte[]?> ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var result = await _socket.ReceiveAsync(memory, _closing.Token).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                await CloseAsync(4400, "Message too large").ConfigureAwait(false);
                return null;
            }

            if (result.EndOfMessage)
            {
                return buffer.WrittenSpan.ToArray();
            }
        }
    }

    private async Task HandleMessageAsync(byte[] message)
    {
        string? type;
        string? id;
        JsonElement payload;
        try
        {
            using var json = JsonDocument.Parse(message);
            var root = json.RootElement;
            type = root.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
            id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            payload = root.TryGetProperty("payload", out var payloadElement) ? payloadElement.Clone() : default;
        }
        catch (JsonException)
        {
            await CloseAsync(4400, "Invalid message received").ConfigureAwait(false);
            return;
        }

        switch (type)
        {
            case "connection_init":
                if (_initialised)
                {
                    await CloseAsync(4429, "Too many initialisation requests").ConfigureAwait(false);
                    return;
                }

                _initialised = true;
                _initPayload = payload.ValueKind == JsonValueKind.Object
                    ? ResultJson.ToPlainValue(payload) as IReadOnlyDictionary<string, object?>
                    : null;
                _acknowledged = true;
                await SendAsync(w => w.WriteString("type", "connection_ack")).ConfigureAwait(false);
                break;
            case "ping":
                await SendAsync(w => w.WriteString("type", "pong")).ConfigureAwait(false);
                break;
            case "pong":
                break;
            case "subscribe" when id is not null && payload.ValueKind == JsonValueKind.Object:
                if (!_acknowledged)
                {
                    await CloseAsync(4401, "Unauthorized").ConfigureAwait(false);
                    return;
                }

                var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
                if (!_operations.TryAdd(id, cancellation))
                {
                    cancellation.Dispose();
                    await CloseAsync(4409, $"Subscriber for {id} already exists").ConfigureAwait(false);
                    return;
                }

                _ = RunOperationAsync(id, payload, cancellation);
                break;
            case "complete" when id is not null:
                if (_operations.TryRemove(id, out var running))
                {
                    await running.CancelAsync().ConfigureAwait(false);
                }

                break;
            default:
                await CloseAsync(4400, "Invalid message received").ConfigureAwait(false);
                break;
        }
    }

    private async Task RunOperationAsync(string id, JsonElement payload, CancellationTokenSource cancellation)
    {
        try
        {
            var request = ReadRequest(payload);
            var options = _options.ExecutionOptionsFor?.Invoke(_http) ?? _options.Execution;

            // Subscriptions are long-lived: the request timeout does not apply to the stream.
            options = options with { Timeout = null };
            var context = _options.ConnectionContextFactory?.Invoke(_http, _initPayload)
                ?? _options.ContextFactory?.Invoke(_http)
                ?? new RequestContext(_http.User, _http.RequestServices, cancellation.Token);

            // Resolvers of this operation stop when the client completes it, not only when the connection ends.
            context.CancellationToken = cancellation.Token;
            var subscription = await Executor.SubscribeAsync(_schema, request, context, options, cancellation.Token).ConfigureAwait(false);
            if (subscription.Stream is null)
            {
                await SendAsync(w =>
                {
                    w.WriteString("id", id);
                    w.WriteString("type", "error");
                    w.WritePropertyName("payload");
                    ResultJson.WriteErrors(w, subscription.Errors);
                }).ConfigureAwait(false);
                return;
            }

            await foreach (var result in subscription.Stream.WithCancellation(cancellation.Token).ConfigureAwait(false))
            {
                await SendAsync(w =>
                {
                    w.WriteString("id", id);
                    w.WriteString("type", "next");
                    w.WritePropertyName("payload");
                    ResultJson.Write(w, result);
                }).ConfigureAwait(false);
            }

            if (_operations.ContainsKey(id))
            {
                await SendAsync(w =>
                {
                    w.WriteString("id", id);
                    w.WriteString("type", "complete");
                }).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Completed by the client, or the connection closed.
        }
        catch (WebSocketException)
        {
            // The client went away.
        }
        finally
        {
            _operations.TryRemove(id, out _);
            cancellation.Dispose();
        }
    }

    private static ExecutionRequest ReadRequest(JsonElement payload)
    {
        string? Text(string name) => payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        IReadOnlyDictionary<string, object?>? Map(string name) =>
            payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? (IReadOnlyDictionary<string, object?>?)ResultJson.ToPlainValue(value) : null;
        return new ExecutionRequest { Query = Text("query"), OperationName = Text("operationName"), Variables = Map("variables"), Extensions = Map("extensions") };
    }

    private async Task SendAsync(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, ResultJson.WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        await _sendLock.WaitAsync(_closing.Token).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, _closing.Token).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync(int code, string reason)
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // Already gone.
        }

        await _closing.CancelAsync().ConfigureAwait(false);
    }
}
