using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KeyWorks.Server.Soak;

/// <summary>
/// Makes request bodies for the fuzz run from the served schema (read by introspection): documents built from its
/// fields, arguments and input types with random (sometimes wrongly typed) values, those documents garbled character by
/// character, and random JSON bodies.
/// </summary>
public sealed class GraphQLFuzzer(IReadOnlyDictionary<string, JsonElement> types, string queryType, string mutationType, Random random)
{
    public const string IntrospectionQuery = """
        { __schema { queryType { name } mutationType { name }
            types { kind name fields { name args { name type { ...T } } type { ...T } } inputFields { name type { ...T } } enumValues { name } } } }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    private const string Noise = "{}()[]:$!@.,=|&\"\\ \n\t#…abcXYZ019项目_-\u0000\uffff";

    /// <summary>A fuzzer over the schema in an introspection answer's <c>data.__schema</c>.</summary>
    public static GraphQLFuzzer From(JsonElement schema, Random random) => new(
        schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t, StringComparer.Ordinal),
        schema.GetProperty("queryType").GetProperty("name").GetString()!,
        schema.GetProperty("mutationType").GetProperty("name").GetString()!,
        random);

    /// <summary>The next request body (JSON text) and what kind it is (<c>document</c>, <c>garbled</c>, <c>json</c>).</summary>
    public (string Kind, string Body) Next()
    {
        var roll = random.NextDouble();
        if (roll < 0.45)
        {
            return ("document", Envelope(Document()));
        }

        return roll < 0.8 ? ("garbled", Envelope(Garble(Document()))) : ("json", RandomJson(0)?.ToJsonString() ?? "null");
    }

    private static string Envelope(string query) => JsonSerializer.Serialize(new { query });

    /// <summary>A query or mutation of one or two root fields with arguments and a selection.</summary>
    public string Document()
    {
        var mutation = random.NextDouble() < 0.3;
        var root = types[mutation ? mutationType : queryType];
        var fields = root.GetProperty("fields").EnumerateArray().ToList();
        var text = new StringBuilder(mutation ? "mutation " : "query ").Append('{');
        for (var i = 0; i < 1 + random.Next(2); i++)
        {
            text.Append(' ');
            Field(text, fields[random.Next(fields.Count)], 0);
        }

        return text.Append(" }").ToString();
    }

    private void Field(StringBuilder text, JsonElement field, int depth)
    {
        text.Append(field.GetProperty("name").GetString());
        var args = field.GetProperty("args").EnumerateArray().Where(a => NonNull(a.GetProperty("type")) || random.NextDouble() < 0.3).ToList();
        if (args.Count > 0)
        {
            text.Append('(').AppendJoin(", ", args.Select(a => $"{a.GetProperty("name").GetString()}: {Value(a.GetProperty("type"), 0)}")).Append(')');
        }

        var named = Named(field.GetProperty("type"));
        var type = types[named];
        switch (type.GetProperty("kind").GetString())
        {
            case "OBJECT" or "INTERFACE" when depth < 4:
                var subfields = type.GetProperty("fields").EnumerateArray().ToList();
                text.Append(" { __typename");
                for (var i = 0; i < 1 + random.Next(4); i++)
                {
                    text.Append(' ');
                    Field(text, subfields[random.Next(subfields.Count)], depth + 1);
                }

                text.Append(" }");
                break;
            case "OBJECT" or "INTERFACE" or "UNION":
                text.Append(" { __typename }");
                break;
        }
    }

    private string Value(JsonElement type, int depth)
    {
        if (random.NextDouble() < 0.05)
        {
            return random.NextDouble() < 0.5 ? "null" : "\"" + RandomText() + "\"";
        }

        if (type.GetProperty("kind").GetString() == "NON_NULL")
        {
            return Value(type.GetProperty("ofType"), depth);
        }

        if (type.GetProperty("kind").GetString() == "LIST")
        {
            return "[" + string.Join(", ", Enumerable.Range(0, random.Next(3)).Select(_ => Value(type.GetProperty("ofType"), depth + 1))) + "]";
        }

        var named = types[type.GetProperty("name").GetString()!];
        return named.GetProperty("kind").GetString() switch
        {
            "ENUM" => named.GetProperty("enumValues").EnumerateArray().ElementAt(random.Next(named.GetProperty("enumValues").GetArrayLength())).GetProperty("name").GetString()!,
            "INPUT_OBJECT" when depth < 3 => "{" + string.Join(", ", named.GetProperty("inputFields").EnumerateArray()
                .Where(f => NonNull(f.GetProperty("type")) || random.NextDouble() < 0.4)
                .Select(f => $"{f.GetProperty("name").GetString()}: {Value(f.GetProperty("type"), depth + 1)}")) + "}",
            "INPUT_OBJECT" => "{}",
            _ => Scalar(type.GetProperty("name").GetString()!),
        };
    }

    private string Scalar(string name) => name switch
    {
        "Int" => random.Next(4) switch { 0 => "0", 1 => "-1", 2 => "2147483648", _ => random.Next(1000).ToString(CultureInfo.InvariantCulture) },
        "Float" or "Decimal" => random.Next(3) switch { 0 => "1e308", 1 => "-0.000001", _ => (random.NextDouble() * 1e9).ToString("F2", CultureInfo.InvariantCulture) },
        "Boolean" => random.NextDouble() < 0.5 ? "true" : "false",
        "Date" => random.Next(3) switch { 0 => "\"2026-02-30\"", 1 => "\"0001-01-01\"", _ => $"\"2026-{1 + random.Next(12):D2}-{1 + random.Next(28):D2}\"" },
        "DateTime" => random.Next(2) == 0 ? "\"2026-11-01T08:00:00+08:00\"" : "\"yesterday\"",
        "ID" => random.Next(4) switch { 0 => "\"Project:zjdd\"", 1 => "\"Problem:x\"", 2 => "\"User:office-zhou\"", _ => "\"" + RandomText() + "\"" },
        _ => "\"" + RandomText() + "\"",
    };

    private static bool NonNull(JsonElement type) => type.GetProperty("kind").GetString() == "NON_NULL";

    private static string Named(JsonElement type) =>
        type.GetProperty("name").GetString() is { } name ? name : Named(type.GetProperty("ofType"));

    private string RandomText()
    {
        var length = random.Next(4) == 0 ? random.Next(2000) : random.Next(12);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(4) switch { 0 => (char)random.Next(0x4e00, 0x9fa5), 1 => (char)random.Next(32, 127), _ => (char)random.Next('a', 'z' + 1) });
        }

        return text.ToString().Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal);
    }

    /// <summary>The document with a few characters deleted, inserted, repeated, swapped, or cut off.</summary>
    public string Garble(string document)
    {
        var text = new StringBuilder(document);
        for (var edits = 1 + random.Next(5); edits > 0 && text.Length > 1; edits--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0: text.Remove(at, 1); break;
                case 1: text.Insert(at, Noise[random.Next(Noise.Length)]); break;
                case 2: text.Insert(at, text.ToString(at, Math.Min(text.Length - at, random.Next(1, 40)))); break;
                case 3: (text[at], text[^1]) = (text[^1], text[at]); break;
                case 4: text.Length = at; break;
                default: text.Insert(at, string.Concat(Enumerable.Repeat("{a", random.Next(1, 300)))); break;
            }
        }

        return text.ToString();
    }

    private System.Text.Json.Nodes.JsonNode? RandomJson(int depth)
    {
        if (depth == 0 && random.NextDouble() < 0.5)
        {
            // An envelope with fields of the wrong types.
            return new System.Text.Json.Nodes.JsonObject
            {
                ["query"] = random.Next(3) == 0 ? Document() : RandomJson(2),
                ["variables"] = RandomJson(1),
                ["operationName"] = RandomJson(2),
                ["extensions"] = RandomJson(2),
            };
        }

        return (depth > 3 ? random.Next(4) : random.Next(7)) switch
        {
            0 => null,
            1 => random.Next(1_000_000) * (random.NextDouble() < 0.5 ? -1 : 1),
            2 => RandomText(),
            3 => random.NextDouble() < 0.5,
            4 => new System.Text.Json.Nodes.JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(depth + 1))]),
            _ => new System.Text.Json.Nodes.JsonObject(Enumerable.Range(0, random.Next(4))
                .Select(i => KeyValuePair.Create(i == 0 ? "query" : RandomText(), RandomJson(depth + 1)))
                .DistinctBy(p => p.Key)),
        };
    }
}
