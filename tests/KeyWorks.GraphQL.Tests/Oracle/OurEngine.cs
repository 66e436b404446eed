using System.Text.Json.Nodes;
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
                schema = SchemaBuilder.FromSdl(Corpus.SchemaSdl(name)).Build();
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

        return new JsonObject { ["execution"] = new JsonObject() };
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
