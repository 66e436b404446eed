using System.Text.Json;
using KeyWorks.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace KeyWorks.GraphQL.Http;

internal sealed partial class GraphQLHttpHandler
{
    private static GraphQLError BadRequest(string message) => new(message, null, null, GraphQLError.CodeExtension("BAD_REQUEST"));

    private static (ExecutionRequest? Request, (GraphQLError Error, int Status)? Failure) ReadGet(HttpContext http)
    {
        var query = http.Request.Query;
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;
        try
        {
            if (query.TryGetValue("variables", out var variablesText) && !string.IsNullOrEmpty(variablesText))
            {
                variables = ParseObject(variablesText.ToString(), "variables");
            }

            if (query.TryGetValue("extensions", out var extensionsText) && !string.IsNullOrEmpty(extensionsText))
            {
                extensions = ParseObject(extensionsText.ToString(), "extensions");
            }
        }
        catch (RequestFormatException error)
        {
            return (null, (BadRequest(error.Message), StatusCodes.Status400BadRequest));
        }

        if (query.TryGetValue("documentId", out var documentId))
        {
            extensions = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["documentId"] = documentId.ToString() };
        }

        return (new ExecutionRequest
        {
            Query = query.TryGetValue("query", out var text) ? text.ToString() : null,
            OperationName = query.TryGetValue("operationName", out var name) && !string.IsNullOrEmpty(name) ? name.ToString() : null,
            Variables = variables,
            Extensions = extensions,
        }, null);
    }

    private async Task<(ExecutionRequest? Request, (GraphQLError Error, int Status)? Failure)> ReadPostAsync(HttpContext http)
    {
        var contentType = http.Request.ContentType;
        if (contentType is null || !MediaTypes.IsJsonContentType(contentType))
        {
            return (null, (BadRequest("POST requests must have Content-Type: application/json."), StatusCodes.Status415UnsupportedMediaType));
        }

        if (http.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            return (null, (BadRequest($"The request body is larger than {options.MaxRequestBodyBytes} bytes."), StatusCodes.Status413PayloadTooLarge));
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(http, options.MaxRequestBodyBytes).ConfigureAwait(false);
        }
        catch (RequestFormatException error)
        {
            return (null, (BadRequest(error.Message), StatusCodes.Status413PayloadTooLarge));
        }

        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RequestFormatException("The request body must be a JSON object.");
            }

            string? query = null;
            string? operationName = null;
            IReadOnlyDictionary<string, object?>? variables = null;
            IReadOnlyDictionary<string, object?>? extensions = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "query":
                        query = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString(),
                            JsonValueKind.Null => null,
                            _ => throw new RequestFormatException("\"query\" must be a string."),
                        };
                        break;
                    case "operationName":
                        operationName = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString(),
                            JsonValueKind.Null => null,
                            _ => throw new RequestFormatException("\"operationName\" must be a string."),
                        };
                        break;
                    case "variables":
                        variables = ObjectValue(property.Value, "variables");
                        break;
                    case "extensions":
                        extensions = ObjectValue(property.Value, "extensions");
                        break;
                    case "documentId":
                        if (property.Value.ValueKind == JsonValueKind.String)
                        {
                            extensions = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["documentId"] = property.Value.GetString() };
                        }

                        break;
                }
            }

            return (new ExecutionRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions }, null);
        }
        catch (JsonException error)
        {
            return (null, (BadRequest("The request body is not valid JSON: " + error.Message), StatusCodes.Status400BadRequest));
        }
        catch (RequestFormatException error)
        {
            return (null, (BadRequest(error.Message), StatusCodes.Status400BadRequest));
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext http, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new RequestFormatException($"The request body is larger than {limit} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IReadOnlyDictionary<string, object?>? ObjectValue(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Object => (IReadOnlyDictionary<string, object?>?)ResultJson.ToPlainValue(value),
        JsonValueKind.Null => null,
        _ => throw new RequestFormatException($"\"{name}\" must be a JSON object."),
    };

    private static IReadOnlyDictionary<string, object?>? ParseObject(string text, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return ObjectValue(json.RootElement, name);
        }
        catch (JsonException error)
        {
            throw new RequestFormatException($"\"{name}\" is not valid JSON: {error.Message}");
        }
    }

    private sealed class RequestFormatException(string message) : Exception(message);
}
