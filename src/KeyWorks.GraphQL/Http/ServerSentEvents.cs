using System.Buffers;
using System.Text;
using System.Text.Json;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;
using Microsoft.AspNetCore.Http;

namespace KeyWorks.GraphQL.Http;

/// <summary>
/// Results as Server-Sent Events (the distinct-connections mode of GraphQL over SSE): one <c>next</c> event
/// per result, then <c>complete</c>. A request that cannot start gets a plain JSON error response.
/// </summary>
internal static class ServerSentEvents
{
    public static async Task StreamAsync(HttpContext http, Schema schema, ExecutionRequest request, RequestContext context, ExecutionOptions options)
    {
        var subscription = await Executor.SubscribeAsync(schema, request, context, options with { Timeout = null }, http.RequestAborted).ConfigureAwait(false);
        if (subscription.Stream is null)
        {
            await GraphQLHttpHandler.WriteAsync(http, ExecutionResult.RequestError(subscription.Errors), GraphQLHttpHandler.GraphQLResponseJson, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        try
        {
            await foreach (var result in subscription.Stream.WithCancellation(http.RequestAborted).ConfigureAwait(false))
            {
                var buffer = new ArrayBufferWriter<byte>(256);
                using (var writer = new Utf8JsonWriter(buffer, ResultJson.WriterOptions))
                {
                    ResultJson.Write(writer, result);
                }

                await WriteEventAsync(http, "next", Encoding.UTF8.GetString(buffer.WrittenSpan)).ConfigureAwait(false);
            }

            await WriteEventAsync(http, "complete", "").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client disconnected.
        }
    }

    private static async Task WriteEventAsync(HttpContext http, string name, string data)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {data}\n\n", http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }
}
