using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;
using KeyWorks.GraphQL.Validation;

namespace KeyWorks.GraphQL.Execution;

/// <summary>
/// Input coercion (spec 6.1.2, 6.4.1 and 3.10): variable values from JSON, and literals with variables,
/// turned into the values resolvers receive. Input objects become dictionaries, lists become lists.
/// </summary>
public static partial class InputValues
{
    private static readonly object Invalid = new();

    /// <summary>Coerces the request's variable values; errors name the variable and where its value went wrong.</summary>
    public static Dictionary<string, object?> CoerceVariableValues(
        Schema schema,
        IReadOnlyList<VariableDefinitionNode> definitions,
        IReadOnlyDictionary<string, object?>? inputs,
        List<GraphQLError> errors)
    {
        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Variable.Name.Value;
            var type = TypeInfo.TypeFromAst(schema, definition.Type);
            if (type is null || !type.IsInputType)
            {
                errors.Add(Error($"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.", definition.Type));
                continue;
            }

            if (inputs is null || !inputs.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    var defaultValue = ValueFromAst(definition.DefaultValue, type, null);
                    coerced[name] = ReferenceEquals(defaultValue, Invalid) ? null : defaultValue;
                }
                else if (type is NonNullType)
                {
                    errors.Add(Error($"Variable \"${name}\" of required type \"{type}\" was not provided.", definition));
                }

                continue;
            }

            if (value is null && type is NonNullType)
            {
                errors.Add(Error($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", definition));
                continue;
            }

            coerced[name] = CoerceInputValue(value, type, [], (path, invalid, message) =>
            {
                var prefix = $"Variable \"${name}\" got invalid value {ValueLiterals.Inspect(invalid)}";
                if (path.Count > 0)
                {
                    prefix += $" at \"{name}{string.Concat(path.Select(p => p is int i ? $"[{i}]" : "." + p))}\"";
                }

                errors.Add(Error(prefix + "; " + message, definition));
            });
        }

        return coerced;
    }

    private static GraphQLError Error(string message, SyntaxNode node) =>
        new(message, [node.Location.ToSourceLocation()], null, GraphQLError.CodeExtension("BAD_USER_INPUT"));

    /// <summary>Coerces a value decoded from JSON to an input type, reporting each problem with its path.</summary>
    public static object? CoerceInputValue(object? value, GraphQLType type, List<object> path, Action<IReadOnlyList<object>, object?, string> onError)
    {
        if (type is NonNullType nonNull)
        {
            if (value is not null)
            {
                return CoerceInputValue(value, nonNull.OfType, path, onError);
            }

            onError(path.ToList(), value, $"Expected non-nullable type \"{type}\" not to be null.");
            return null;
        }

        if (value is null)
        {
            return null;
        }

        if (type is ListType list)
        {
            if (value is IReadOnlyList<object?> items)
            {
                var result = new List<object?>(items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    path.Add(i);
                    result.Add(CoerceInputValue(items[i], list.OfType, path, onError));
                    path.RemoveAt(path.Count - 1);
                }

                return result;
            }

            return new List<object?> { CoerceInputValue(value, list.OfType, path, onError) };
        }

        if (type is InputObjectType inputType)
        {
            return CoerceInputObject(value, inputType, path, onError);
        }

        try
        {
            if (type is EnumType enumType)
            {
                return ParseEnumValue(enumType, value);
            }

            return ((ScalarType)type).ParseValue(value);
        }
        catch (GraphQLException error)
        {
            onError(path.ToList(), value, error.Message);
            return null;
        }
    }

    private static object? CoerceInputObject(object value, InputObjectType type, List<object> path, Action<IReadOnlyList<object>, object?, string> onError)
    {
        if (value is not IReadOnlyDictionary<string, object?> fields)
        {
            onError(path.ToList(), value, $"Expected type \"{type.Name}\" to be an object.");
            return null;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!fields.TryGetValue(field.Name, out var fieldValue))
            {
                if (field.HasDefaultValue)
                {
                    result[field.Name] = field.CoercedDefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    onError(path.ToList(), value, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                }

                continue;
            }

            path.Add(field.Name);
            result[field.Name] = CoerceInputValue(fieldValue, field.Type, path, onError);
            path.RemoveAt(path.Count - 1);
        }

        foreach (var key in fields.Keys)
        {
            if (type.GetField(key) is null)
            {
                onError(path.ToList(), value, $"Field \"{key}\" is not defined by type \"{type.Name}\"." + Suggestions.DidYouMean(Suggestions.List(key, type.Fields.Select(f => f.Name))));
            }
        }

        if (type.IsOneOf)
        {
            if (fields.Count != 1)
            {
                onError(path.ToList(), value, $"Exactly one key must be specified for OneOf type \"{type.Name}\".");
            }
            else
            {
                var (key, only) = fields.First();
                if (only is null)
                {
                    onError([.. path, key], null, $"Field \"{key}\" must be non-null.");
                }
            }
        }

        return result;
    }

    private static object ParseEnumValue(EnumType type, object value)
    {
        if (value is not string name)
        {
            throw new GraphQLException($"Enum \"{type.Name}\" cannot represent non-string value: {ValueLiterals.Inspect(value)}." + DidYouMean(type, ValueLiterals.Inspect(value)));
        }

        var enumValue = type.GetValue(name)
            ?? throw new GraphQLException($"Value \"{name}\" does not exist in \"{type.Name}\" enum." + DidYouMean(type, name));
        return enumValue.Value;
    }

    private static string DidYouMean(EnumType type, string text) =>
        Suggestions.DidYouMean(Suggestions.List(text, type.Values.Select(v => v.Name)), "the enum value");
}
