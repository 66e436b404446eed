using System.Globalization;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Introspection;

/// <summary>Resolvers of the introspection types (spec 4.2): sources are the schema's own type system objects.</summary>
internal static class IntrospectionResolvers
{
    public static void Bind(IReadOnlyList<NamedType> types)
    {
        var byName = types.ToDictionary(t => t.Name);
        Bind(byName, "__Schema", new()
        {
            ["description"] = c => ((Schema)c.Source!).Description,
            ["types"] = c => ((Schema)c.Source!).Types.ToList(),
            ["queryType"] = c => ((Schema)c.Source!).QueryType,
            ["mutationType"] = c => ((Schema)c.Source!).MutationType,
            ["subscriptionType"] = c => ((Schema)c.Source!).SubscriptionType,
            ["directives"] = c => ((Schema)c.Source!).Directives.ToList(),
        });
        Bind(byName, "__Type", new()
        {
            ["kind"] = c => Kind((GraphQLType)c.Source!),
            ["name"] = c => (c.Source as NamedType)?.Name,
            ["description"] = c => (c.Source as NamedType)?.Description,
            ["specifiedByURL"] = c => (c.Source as ScalarType)?.SpecifiedByUrl,
            ["fields"] = c => c.Source is FieldsType fields
                ? fields.Fields.Where(f => IncludeDeprecated(c) || f.DeprecationReason is null).ToList()
                : null,
            ["interfaces"] = c => (c.Source as FieldsType)?.Interfaces.ToList(),
            ["possibleTypes"] = c => c.Source is NamedType { IsAbstract: true } abstractType ? c.Schema.GetPossibleTypes(abstractType).ToList() : null,
            ["enumValues"] = c => c.Source is EnumType enumType
                ? enumType.Values.Where(v => IncludeDeprecated(c) || v.DeprecationReason is null).ToList()
                : null,
            ["inputFields"] = c => c.Source is InputObjectType input
                ? input.Fields.Where(f => IncludeDeprecated(c) || f.DeprecationReason is null).ToList()
                : null,
            ["ofType"] = c => c.Source switch
            {
                ListType list => list.OfType,
                NonNullType nonNull => nonNull.OfType,
                _ => null,
            },
            ["isOneOf"] = c => c.Source is InputObjectType input ? input.IsOneOf : null,
        });
        Bind(byName, "__Field", new()
        {
            ["name"] = c => ((FieldDefinition)c.Source!).Name,
            ["description"] = c => ((FieldDefinition)c.Source!).Description,
            ["args"] = c => ((FieldDefinition)c.Source!).Arguments.Where(a => IncludeDeprecated(c) || a.DeprecationReason is null).ToList(),
            ["type"] = c => ((FieldDefinition)c.Source!).Type,
            ["isDeprecated"] = c => ((FieldDefinition)c.Source!).DeprecationReason is not null,
            ["deprecationReason"] = c => ((FieldDefinition)c.Source!).DeprecationReason,
        });
        Bind(byName, "__InputValue", new()
        {
            ["name"] = c => ((InputValueDefinition)c.Source!).Name,
            ["description"] = c => ((InputValueDefinition)c.Source!).Description,
            ["type"] = c => ((InputValueDefinition)c.Source!).Type,
            ["defaultValue"] = c => ((InputValueDefinition)c.Source!) is { HasDefaultValue: true } input ? PrintDefault(input) : null,
            ["isDeprecated"] = c => ((InputValueDefinition)c.Source!).DeprecationReason is not null,
            ["deprecationReason"] = c => ((InputValueDefinition)c.Source!).DeprecationReason,
        });
        Bind(byName, "__EnumValue", new()
        {
            ["name"] = c => ((EnumValueDefinition)c.Source!).Name,
            ["description"] = c => ((EnumValueDefinition)c.Source!).Description,
            ["isDeprecated"] = c => ((EnumValueDefinition)c.Source!).DeprecationReason is not null,
            ["deprecationReason"] = c => ((EnumValueDefinition)c.Source!).DeprecationReason,
        });
        Bind(byName, "__Directive", new()
        {
            ["name"] = c => ((DirectiveDefinition)c.Source!).Name,
            ["description"] = c => ((DirectiveDefinition)c.Source!).Description,
            ["isRepeatable"] = c => ((DirectiveDefinition)c.Source!).IsRepeatable,
            ["locations"] = c => ((DirectiveDefinition)c.Source!).Locations.ToList(),
            ["args"] = c => ((DirectiveDefinition)c.Source!).Arguments.Where(a => IncludeDeprecated(c) || a.DeprecationReason is null).ToList(),
            ["isDeprecated"] = _ => false,
            ["deprecationReason"] = _ => null,
        });
    }

    private static bool IncludeDeprecated(FieldContext context) => context.Arguments.TryGetValue("includeDeprecated", out var value) && value is true;

    private static void Bind(Dictionary<string, NamedType> types, string typeName, Dictionary<string, Func<FieldContext, object?>> resolvers)
    {
        var type = (FieldsType)types[typeName];
        foreach (var (name, resolve) in resolvers)
        {
            type.GetField(name)!.Resolver = c => new ValueTask<object?>(resolve(c));
        }
    }

    private static string Kind(GraphQLType type) => type switch
    {
        ListType => "LIST",
        NonNullType => "NON_NULL",
        ScalarType => "SCALAR",
        ObjectType => "OBJECT",
        InterfaceType => "INTERFACE",
        UnionType => "UNION",
        EnumType => "ENUM",
        _ => "INPUT_OBJECT",
    };

    /// <summary>Prints a default value the way the reference implementation does: from the coerced value, normalised.</summary>
    private static string? PrintDefault(InputValueDefinition input) =>
        AstFromValue(input.CoercedDefaultValue, input.Type) is { } node ? Printer.Print(node) : null;

    private static ValueNode? AstFromValue(object? value, GraphQLType type)
    {
        if (type is NonNullType nonNull)
        {
            return value is null ? null : AstFromValue(value, nonNull.OfType);
        }

        if (value is null)
        {
            return new NullValueNode();
        }

        switch (type)
        {
            case ListType list:
                if (value is IReadOnlyList<object?> items)
                {
                    return new ListValueNode(items.Select(i => AstFromValue(i, list.OfType)).Where(n => n is not null).Cast<ValueNode>().ToList());
                }

                return AstFromValue(value, list.OfType);
            case InputObjectType inputType:
                if (value is not IReadOnlyDictionary<string, object?> map)
                {
                    return null;
                }

                var fields = new List<ObjectFieldNode>();
                foreach (var field in inputType.Fields)
                {
                    if (map.TryGetValue(field.Name, out var fieldValue) && AstFromValue(fieldValue, field.Type) is { } fieldNode)
                    {
                        fields.Add(new ObjectFieldNode(new Name(field.Name), fieldNode));
                    }
                }

                return new ObjectValueNode(fields);
            case EnumType enumType:
                return enumType.FindByInternalValue(value) is { } enumValue ? new EnumValueNode(enumValue.Name) : null;
            case ScalarType scalar:
                var serialized = scalar.Serialize(value);
                return serialized switch
                {
                    bool b => new BooleanValueNode(b),
                    int or long => new IntValueNode(Convert.ToString(serialized, CultureInfo.InvariantCulture)!),
                    double d when Math.Floor(d) == d && Math.Abs(d) < 1e21 => new IntValueNode(d.ToString("F0", CultureInfo.InvariantCulture)),
                    double d => new FloatValueNode(d.ToString("R", CultureInfo.InvariantCulture)),
                    decimal m => new FloatValueNode(m.ToString(CultureInfo.InvariantCulture)),
                    string s when scalar.Name == "ID" && s.Length > 0 && s.All(char.IsAsciiDigit) && (s == "0" || s[0] != '0') => new IntValueNode(s),
                    string s => new StringValueNode(s),
                    _ => null,
                };
            default:
                return null;
        }
    }
}
