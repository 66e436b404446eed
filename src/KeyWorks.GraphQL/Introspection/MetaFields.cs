using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Introspection;

/// <summary>The meta-fields every selection may use: <c>__typename</c>, and on the query root <c>__schema</c> and <c>__type</c>.</summary>
internal static class MetaFields
{
    public static FieldDefinition TypeName { get; } = new("__typename", new NonNullType(BuiltInScalars.String))
    {
        Description = "The name of the current Object type at runtime.",
        Resolver = c => new ValueTask<object?>(c.ParentType.Name),
    };

    public static FieldDefinition Schema { get; } = new("__schema", new NonNullType(IntrospectionTypes.Get("__Schema")))
    {
        Description = "Access the current type schema of this server.",
        Resolver = c => new ValueTask<object?>(c.Schema),
    };

    public static FieldDefinition Type { get; } = CreateTypeField();

    private static FieldDefinition CreateTypeField()
    {
        var field = new FieldDefinition("__type", IntrospectionTypes.Get("__Type"))
        {
            Description = "Request the type information of a single type.",
            Resolver = c => new ValueTask<object?>(c.Schema.GetType((string)c.Arguments["name"]!)),
        };
        field.AddArgument(new InputValueDefinition("name", new NonNullType(BuiltInScalars.String)));
        return field;
    }
}
