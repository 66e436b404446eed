using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Types;

/// <summary>The directives every schema has: @include, @skip, @deprecated, @specifiedBy and @oneOf.</summary>
public static class BuiltInDirectives
{
    public static IReadOnlyList<DirectiveDefinition> All { get; } = Create();

    public static bool IsBuiltIn(string name) => name is "include" or "skip" or "deprecated" or "specifiedBy" or "oneOf";

    private static List<DirectiveDefinition> Create()
    {
        var include = new DirectiveDefinition("include")
        {
            Description = "Directs the executor to include this field or fragment only when the `if` argument is true.",
            Locations = ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"],
        };
        include.AddArgument(new InputValueDefinition("if", new NonNullType(BuiltInScalars.Boolean)) { Description = "Included when true." });

        var skip = new DirectiveDefinition("skip")
        {
            Description = "Directs the executor to skip this field or fragment when the `if` argument is true.",
            Locations = ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"],
        };
        skip.AddArgument(new InputValueDefinition("if", new NonNullType(BuiltInScalars.Boolean)) { Description = "Skipped when true." });

        var deprecated = new DirectiveDefinition("deprecated")
        {
            Description = "Marks an element of a GraphQL schema as no longer supported.",
            Locations = ["FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE"],
        };
        deprecated.AddArgument(new InputValueDefinition("reason", BuiltInScalars.String)
        {
            Description = "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
            DefaultValue = new StringValueNode("No longer supported"),
        });

        var specifiedBy = new DirectiveDefinition("specifiedBy")
        {
            Description = "Exposes a URL that specifies the behavior of this scalar.",
            Locations = ["SCALAR"],
        };
        specifiedBy.AddArgument(new InputValueDefinition("url", new NonNullType(BuiltInScalars.String)) { Description = "The URL that specifies the behavior of this scalar." });

        var oneOf = new DirectiveDefinition("oneOf")
        {
            Description = "Indicates exactly one field must be supplied and this field must not be `null`.",
            Locations = ["INPUT_OBJECT"],
        };
        return [include, skip, deprecated, specifiedBy, oneOf];
    }
}
