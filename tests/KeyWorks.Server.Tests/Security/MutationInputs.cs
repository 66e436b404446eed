using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KeyWorks.Server.Tests.Api;
using KeyWorks.Server.Tests.Api.Mutations;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Security;

/// <summary>A mutation of the served schema: its name and the named type of its <c>input</c> argument.</summary>
public sealed record ServedMutation(string Name, string InputType);

/// <summary>A field of an input object: its name, its named type, whether it is a list and whether it is required.</summary>
public sealed record InputField(string Name, string Type, string Kind, bool IsList, bool Required);

/// <summary>
/// The mutations and their input types as the running server describes them by introspection, and inputs generated
/// from them: every field filled with a well-typed value, ids taken from a caller-supplied map by field name. A new
/// mutation or input field is covered without editing a table; an id field the map does not know fails loudly.
/// </summary>
public sealed class MutationInputs
{
    private const string Introspection = """
        {
          __schema {
            mutationType { fields { name args { name type { kind name ofType { kind name ofType { kind name } } } } } }
            types { name kind enumValues { name }
              inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }
          }
        }
        """;

    private readonly Dictionary<string, IReadOnlyList<InputField>> _inputs;
    private readonly Dictionary<string, string> _firstEnumValue;

    private MutationInputs(IReadOnlyList<ServedMutation> mutations, Dictionary<string, IReadOnlyList<InputField>> inputs, Dictionary<string, string> enums)
    {
        Mutations = mutations;
        _inputs = inputs;
        _firstEnumValue = enums;
    }

    /// <summary>Every mutation of the served schema that takes an <c>input</c> argument.</summary>
    public IReadOnlyList<ServedMutation> Mutations { get; }

    /// <summary>The fields of an input object type.</summary>
    public IReadOnlyList<InputField> FieldsOf(string inputType) => _inputs[inputType];

    /// <summary>Reads the served schema.</summary>
    public static async Task<MutationInputs> ReadAsync(DemoServer server)
    {
        var schema = (await server.PostAsync(Introspection)).GetProperty("data").GetProperty("__schema");
        var mutations = schema.GetProperty("mutationType").GetProperty("fields").EnumerateArray()
            .Select(f => (Name: f.GetProperty("name").GetString()!, Input: f.GetProperty("args").EnumerateArray().FirstOrDefault(a => a.GetProperty("name").GetString() == "input")))
            .Where(f => f.Input.ValueKind == JsonValueKind.Object)
            .Select(f => new ServedMutation(f.Name, Field("input", f.Input.GetProperty("type")).Type))
            .ToList();
        var inputs = new Dictionary<string, IReadOnlyList<InputField>>(StringComparer.Ordinal);
        var enums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in schema.GetProperty("types").EnumerateArray())
        {
            var name = type.GetProperty("name").GetString()!;
            switch (type.GetProperty("kind").GetString())
            {
                case "INPUT_OBJECT":
                    inputs[name] = [.. type.GetProperty("inputFields").EnumerateArray().Select(f => Field(f.GetProperty("name").GetString()!, f.GetProperty("type")))];
                    break;
                case "ENUM":
                    enums[name] = type.GetProperty("enumValues")[0].GetProperty("name").GetString()!;
                    break;
            }
        }

        return new MutationInputs(mutations, inputs, enums);
    }

    /// <summary>
    /// An input of <paramref name="inputType"/> with every field set (optional ones too, so each reference a mutation
    /// takes is tried): text, numbers, dates and enum values well-typed, ids from <paramref name="idFor"/> by field name.
    /// </summary>
    public JsonObject Generate(string inputType, Func<string, string> idFor)
    {
        var input = new JsonObject();
        foreach (var field in _inputs[inputType])
        {
            var value = field.Name == "idempotencyKey" ? JsonValue.Create(Guid.NewGuid().ToString()) : Value(field, idFor);
            input[field.Name] = field.IsList && field.Name != "idempotencyKey" ? new JsonArray(Enumerable.Range(0, 12).Select(_ => Value(field, idFor)).ToArray()) : value;
        }

        return input;
    }

    private JsonNode? Value(InputField field, Func<string, string> idFor) => field.Kind switch
    {
        "ENUM" => JsonValue.Create(_firstEnumValue[field.Type]),
        "INPUT_OBJECT" => Generate(field.Type, idFor),
        _ => field.Type switch
        {
            "ID" => JsonValue.Create(idFor(field.Name)),
            "String" => JsonValue.Create("安全检查"),
            "Int" => JsonValue.Create(SuiteClock.Today.Year + 1),
            "Float" or "Decimal" => JsonValue.Create(1000m),
            "Boolean" => JsonValue.Create(false),
            "Date" => JsonValue.Create(Scenario.Today()),
            "DateTime" => JsonValue.Create(SuiteClock.Now.ToString("O", CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"no value for input field {field.Name} of scalar {field.Type}: add one here"),
        },
    };

    private static InputField Field(string name, JsonElement type)
    {
        var required = type.GetProperty("kind").GetString() == "NON_NULL";
        var isList = false;
        while (type.GetProperty("kind").GetString() is "NON_NULL" or "LIST")
        {
            isList |= type.GetProperty("kind").GetString() == "LIST";
            type = type.GetProperty("ofType");
        }

        return new InputField(name, type.GetProperty("name").GetString()!, type.GetProperty("kind").GetString()!, isList, required);
    }
}
