using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Introspection;

/// <summary>The meta-fields every selection may use: <c>__typename</c>, and on the query root <c>__schema</c> and <c>__type</c>.</summary>
internal static class MetaFields
{
    public static FieldDefinition TypeName { get; } = new("__typename", new NonNullType(BuiltInScalars.String))
    {
        Description = "The name of the current Object type at runtime.",
    };

    public static FieldDefinition Schema { get; } = new("__schema", new NonNullType(IntrospectionTypes.Get("__Schema")))
    {
        Description = "Access the current type schema of this server.",
    };

    public static FieldDefinition Type { get; } = CreateTypeField();

    private static FieldDefinition CreateTypeField()
    {
        var field = new FieldDefinition("__type", IntrospectionTypes.Get("__Type"))
        {
            Description = "Request the type information of a single type.",
        };
        field.AddArgument(new InputValueDefinition("name", new NonNullType(BuiltInScalars.String)));
        return field;
    }
}
