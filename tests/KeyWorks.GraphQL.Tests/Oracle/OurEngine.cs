using System.Text.Json;
using System.Text.Json.Nodes;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;
using KeyWorks.GraphQL.Validation;

namespace KeyWorks.GraphQL.Tests.Oracle;

/// <summary>Runs a corpus case through our engine and describes the outcome in the oracle's terms.</summary>
public static class OurEngine
{
    private static readonly Dictionary<string, Schema> Schemas = [];

    public static Schema SchemaFor(string name)
    {
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(name, out var schema))
            {
                schema = SchemaBuilder.FromSdl(Corpus.SchemaSdl(name)).DefaultResolver(ResolveByConvention).Build();
                Schemas[name] = schema;
            }

            return schema;
        }
    }

    public static JsonObject Run(CorpusCase c)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(c.Document);
        }
        catch (GraphQLSyntaxException error)
        {
            return new JsonObject { ["syntaxError"] = ErrorJson(error.ToError()) };
        }

        var errors = DocumentValidator.Validate(SchemaFor(c.Schema), document);
        if (errors.Count > 0)
        {
            return new JsonObject { ["validationErrors"] = new JsonArray(errors.Select(e => (JsonNode)ErrorJson(e)).ToArray()) };
        }

        if (document.Definitions.OfType<OperationDefinitionNode>().FirstOrDefault(o => c.OperationName is null || o.Name?.Value == c.OperationName)?.Operation == OperationType.Subscription)
        {
            return new JsonObject { ["execution"] = new JsonObject { ["subscription"] = true } };
        }

        var data = ResultJson.ToPlainValue(JsonDocument.Parse(Corpus.SchemaData(c.Schema)).RootElement);
        var request = new ExecutionRequest
        {
            Document = document,
            OperationName = c.OperationName,
            Variables = c.Variables is null ? null : (IReadOnlyDictionary<string, object?>?)ResultJson.ToPlainValue(JsonDocument.Parse(c.Variables.ToJsonString()).RootElement),
            RootValue = data,
        };
        var options = new ExecutionOptions { Validate = false, MaxCost = null, MaxDepth = null, ExposeExceptionMessages = true };
        var result = Executor.ExecuteAsync(SchemaFor(c.Schema), request, null, options, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        var execution = new JsonObject();
        if (result.Errors.Count > 0)
        {
            execution["errors"] = new JsonArray(result.Errors.Select(e => (JsonNode)ErrorJson(e)).ToArray());
        }

        if (result.HasData)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                ResultJson.WriteValue(writer, result.Data);
            }

            execution["data"] = JsonNode.Parse(buffer.WrittenSpan);
        }

        return new JsonObject { ["execution"] = execution };
    }

    /// <summary>The harness's resolver conventions, the same as the oracle script's (see oracle/oracle.mjs).</summary>
    private static ValueTask<object?> ResolveByConvention(FieldContext context)
    {
        if (context.Field.Name == "echo")
        {
            return new ValueTask<object?>(context.Arguments);
        }

        var value = context.Source is IReadOnlyDictionary<string, object?> map && map.TryGetValue(context.Field.Name, out var found) ? found : null;
        return Settle(value);
    }

    private static ValueTask<object?> Settle(object? value)
    {
        if (value is IReadOnlyDictionary<string, object?> special)
        {
            if (special.TryGetValue("__error", out var message))
            {
                throw new GraphQLException((string)message!);
            }

            if (special.TryGetValue("__async", out var later))
            {
                return LaterAsync(later);
            }
        }

        return new ValueTask<object?>(value);
    }

    private static async ValueTask<object?> LaterAsync(object? value)
    {
        await Task.Yield();
        return await Settle(value);
    }

    public static JsonObject ErrorJson(GraphQLError error)
    {
        var json = new JsonObject
        {
            ["message"] = error.Message,
            ["locations"] = new JsonArray(error.Locations.Select(l => (JsonNode)new JsonObject { ["line"] = l.Line, ["column"] = l.Column }).ToArray()),
        };
        if (error.Path is not null)
        {
            json["path"] = new JsonArray(error.Path.Select(p => p is int i ? JsonValue.Create(i) : (JsonNode)JsonValue.Create((string)p)).ToArray());
        }

        return json;
    }
}
