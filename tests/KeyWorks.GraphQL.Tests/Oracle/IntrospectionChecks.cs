using System.Text.Json;
using System.Text.Json.Nodes;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Introspection;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Tests.Oracle;

/// <summary>Schemas whose introspection result graphql-js rebuilds and prints, to compare with its own build of the SDL.</summary>
public static class IntrospectionChecks
{
    public static IEnumerable<string> SchemaFiles() =>
        Directory.GetFiles(Path.Combine(Corpus.Directory, "introspection"), "*.graphql")
            .Concat(Directory.GetFiles(Path.Combine(Corpus.Directory, "schemas"), "*.graphql"))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<(string Id, string Sdl, JsonNode Result)> Results()
    {
        foreach (var path in SchemaFiles())
        {
            var sdl = File.ReadAllText(path);
            yield return (Path.GetFileName(path), sdl, Introspect(sdl));
        }
    }

    public static JsonNode Introspect(string sdl)
    {
        var schema = SchemaBuilder.FromSdl(sdl).Build();
        var result = Executor.ExecuteAsync(schema, new ExecutionRequest { Query = IntrospectionQuery.Text }, options: new ExecutionOptions { MaxCost = null, MaxDepth = null })
            .GetAwaiter().GetResult();
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException("Introspection failed: " + string.Join("; ", result.Errors));
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ResultJson.WriteValue(writer, result.Data);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!;
    }
}
