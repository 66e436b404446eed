using System.Text.Json;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KeyWorks.GraphQL.Http;

/// <summary>Maps a GraphQL endpoint that follows the GraphQL over HTTP specification.</summary>
public static class GraphQLEndpointExtensions
{
    /// <summary>
    /// Serves <paramref name="schema"/> at <paramref name="pattern"/>: POST application/json, GET for queries,
    /// subscriptions over graphql-transport-ws (call <c>app.UseWebSockets()</c>) and Server-Sent Events, and
    /// GraphiQL for browsers.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern, Schema schema, Action<GraphQLHttpOptions>? configure = null)
    {
        var options = new GraphQLHttpOptions();
        configure?.Invoke(options);
        var handler = new GraphQLHttpHandler(schema, options);
        return endpoints.Map(pattern, handler.HandleAsync);
    }
}

/// <summary>Handles one HTTP request to the GraphQL endpoint.</summary>
internal sealed partial class GraphQLHttpHandler(Schema schema, GraphQLHttpOptions options)
{
    internal const string GraphQLResponseJson = "application/graphql-response+json";
    internal const string Json = "application/json";
    internal const string EventStream = "text/event-stream";

    public async Task HandleAsync(HttpContext http)
    {
        if (http.WebSockets.IsWebSocketRequest)
        {
            await GraphQLWebSocket.HandleAsync(http, schema, options).ConfigureAwait(false);
            return;
        }

        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (isGet && options.EnableGraphiQL)
        {
            if (GraphiQLPage.IsAssetRequest(http))
            {
                await GraphiQLPage.WriteAssetAsync(http).ConfigureAwait(false);
                return;
            }

            if (!http.Request.Query.ContainsKey("query") && !http.Request.Query.ContainsKey("documentId")
                && MediaTypes.Accepts(http.Request.Headers.Accept.ToString(), "text/html"))
            {
                await GraphiQLPage.WriteAsync(http).ConfigureAwait(false);
                return;
            }
        }

        var accept = http.Request.Headers.Accept.ToString();
        var streaming = MediaTypes.Accepts(accept, EventStream);
        var mediaType = MediaTypes.Negotiate(accept) ?? (streaming ? Json : null);
        if (mediaType is null)
        {
            http.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            return;
        }

        var (request, failure) = isGet ? ReadGet(http) : await ReadPostAsync(http).ConfigureAwait(false);
        if (failure is not null)
        {
            await WriteAsync(http, ExecutionResult.RequestError(failure.Value.Error), mediaType, failure.Value.Status).ConfigureAwait(false);
            return;
        }

        request = ResolvePersisted(request!, out var persistedError);
        if (persistedError is not null)
        {
            await WriteAsync(http, ExecutionResult.RequestError(persistedError), mediaType, StatusFor(mediaType, hasData: false)).ConfigureAwait(false);
            return;
        }

        var executionOptions = options.ExecutionOptionsFor?.Invoke(http) ?? options.Execution;
        var operation = FindOperation(request, executionOptions, out var document);
        if (document is not null)
        {
            request = request with { Document = document };
        }

        if (isGet && operation is { Operation: OperationType.Mutation })
        {
            http.Response.Headers.Allow = "POST";
            await WriteAsync(
                http,
                ExecutionResult.RequestError(new GraphQLError("Mutations must be sent with POST.", [operation.Location.ToSourceLocation()], null, GraphQLError.CodeExtension("METHOD_NOT_ALLOWED"))),
                mediaType,
                StatusCodes.Status405MethodNotAllowed).ConfigureAwait(false);
            return;
        }

        var context = options.ContextFactory?.Invoke(http) ?? new RequestContext(http.User, http.RequestServices, http.RequestAborted);
        if (streaming)
        {
            await ServerSentEvents.StreamAsync(http, schema, request, context, executionOptions).ConfigureAwait(false);
            return;
        }

        var result = await Executor.ExecuteAsync(schema, request, context, executionOptions, http.RequestAborted).ConfigureAwait(false);
        await WriteAsync(http, result, mediaType, StatusFor(mediaType, result.HasData)).ConfigureAwait(false);
    }

    /// <summary>The spec's status codes: with application/json every GraphQL response is 200; with graphql-response+json a request error is 400.</summary>
    private static int StatusFor(string mediaType, bool hasData) =>
        mediaType == GraphQLResponseJson && !hasData ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    private OperationDefinitionNode? FindOperation(ExecutionRequest request, ExecutionOptions executionOptions, out DocumentNode? document)
    {
        document = request.Document;
        if (document is null && request.Query is { } query && query.Length <= executionOptions.MaxDocumentLength)
        {
            document = DocumentCache.TryParse(query, executionOptions.Parser);
        }

        return document?.Definitions.OfType<OperationDefinitionNode>()
            .Where(o => request.OperationName is null || o.Name?.Value == request.OperationName)
            .Take(2).ToList() is [var single] ? single : null;
    }

    private ExecutionRequest ResolvePersisted(ExecutionRequest request, out GraphQLError? error)
    {
        error = null;
        var hash = PersistedHash(request);
        if (hash is not null)
        {
            if (options.PersistedDocuments is { } store && store.TryGet(hash, out var document))
            {
                return request with { Query = document };
            }

            if (request.Query is null || options.AllowListOnly)
            {
                error = new GraphQLError("PersistedQueryNotFound", null, null, GraphQLError.CodeExtension("PERSISTED_QUERY_NOT_FOUND"));
                return request;
            }
        }

        if (options.AllowListOnly && (request.Query is null || options.PersistedDocuments?.Contains(request.Query) != true))
        {
            error = new GraphQLError("Only persisted documents may be executed here; send a known documentId.", null, null, GraphQLError.CodeExtension("PERSISTED_QUERY_REQUIRED"));
        }

        return request;
    }

    private static string? PersistedHash(ExecutionRequest request)
    {
        if (request.Extensions is { } extensions)
        {
            if (extensions.TryGetValue("documentId", out var documentId) && documentId is string id)
            {
                return id;
            }

            if (extensions.TryGetValue("persistedQuery", out var persisted) && persisted is IReadOnlyDictionary<string, object?> apq
                && apq.TryGetValue("sha256Hash", out var hash) && hash is string sha)
            {
                return sha;
            }
        }

        return null;
    }

    internal static async Task WriteAsync(HttpContext http, ExecutionResult result, string mediaType, int status)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(http.Response.BodyWriter, ResultJson.WriterOptions))
        {
            ResultJson.Write(writer, result);
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }
}
