using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Tests.Types;

public sealed class building_schemas_from_sdl
{
    private const string Sdl = """
        "A node with an id."
        interface Node { id: ID! }

        interface Named implements Node { id: ID! name: String }

        type Project implements Named & Node {
          id: ID!
          name: String
          budget: Decimal
          startsOn: Date
          status: Status @deprecated(reason: "Use phase.")
        }

        enum Status { PLANNED ACTIVE DONE }

        union SearchResult = Project

        input ProjectFilter @oneOf { id: ID name: String }

        scalar Date
        scalar Decimal

        type Query { project(filter: ProjectFilter!): Project search(text: String = "x"): [SearchResult!]! }
        """;

    [Fact]
    public void types_fields_and_interfaces_come_from_the_sdl()
    {
        var schema = SchemaBuilder.FromSdl(Sdl, "extend type Query { node(id: ID!): Node }").Build();

        var project = Assert.IsType<ObjectType>(schema.GetType("Project"));
        Assert.Equal(["Named", "Node"], project.Interfaces.Select(i => i.Name));
        Assert.Equal("Use phase.", project.GetField("status")!.DeprecationReason);
        Assert.Equal("Query", schema.QueryType!.Name);
        Assert.NotNull(schema.QueryType.GetField("node"));
        Assert.True(Assert.IsType<InputObjectType>(schema.GetType("ProjectFilter")).IsOneOf);
        Assert.Equal(["Project"], schema.GetPossibleTypes(schema.GetType("Named")!).Select(t => t.Name));
        Assert.True(schema.IsSubType(schema.GetType("Node")!, schema.GetType("Named")!));
        Assert.Equal("A node with an id.", schema.GetType("Node")!.Description);
    }

    [Fact]
    public void provided_scalars_coerce_dates_and_decimals()
    {
        var schema = SchemaBuilder.FromSdl(Sdl).Build();
        var date = Assert.IsAssignableFrom<ScalarType>(schema.GetType("Date"));
        var money = Assert.IsAssignableFrom<ScalarType>(schema.GetType("Decimal"));

        Assert.Equal(new DateOnly(2026, 3, 1), date.ParseValue("2026-03-01"));
        Assert.Equal("2026-03-01", date.Serialize(new DateOnly(2026, 3, 1)));
        Assert.Throws<GraphQLException>(() => date.ParseValue("01/03/2026"));
        Assert.Equal(12.50m, money.ParseValue("12.50"));
        Assert.Equal(0.1m, money.ParseLiteral(KeyWorks.GraphQL.Language.Parser.ParseValue("0.1")));
        Assert.Equal(155000000.00m, money.Serialize(155000000.00m));
        var asString = CustomScalars.Decimal(asString: true);
        Assert.Equal("155000000.00", asString.Serialize(155000000.00m));
        Assert.Equal("0.1", asString.Serialize(0.1m));
        Assert.Equal(12.50m, asString.ParseValue("12.50"));
        Assert.Equal(7m, asString.ParseValue(7L));
    }

    [Fact]
    public void binding_a_field_the_schema_lacks_fails_the_build()
    {
        var builder = SchemaBuilder.FromSdl(Sdl).Bind("Query.projects", _ => null);

        var error = Assert.Throws<SchemaException>(builder.Build);

        Assert.Contains("Cannot bind \"Query.projects\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type Query { a: Int } type Query { b: Int }", "There can be only one type named \"Query\".")]
    [InlineData("type Query { a: Missing }", "Unknown type \"Missing\".")]
    [InlineData("type Query { a: Int } interface I { a: String } type A implements I { a: Int }", "Interface field I.a expects type String but A.a is type Int.")]
    [InlineData("type Query { a: Int } interface I { a(x: Int): Int } type A implements I { a: Int }", "Interface field argument I.a(x:) expected but A.a does not provide it.")]
    [InlineData("type Query { a: Int } interface I { a: Int } interface J implements I { a: Int } type A implements J { a: Int }", "Type A must implement I because it is implemented by J.")]
    [InlineData("type Query { a: Int } input In @oneOf { a: Int! }", "OneOf input field In.a must be nullable.")]
    [InlineData("type Query { a: Int } input In { self: In! }", "Cannot reference Input Object \"In\" within itself through a series of non-null fields: \"self\".")]
    [InlineData("type Query { a(x: Query): Int }", "The type of Query.a(x:) must be Input Type but got: Query.")]
    [InlineData("type Query { a: Int @unknown }", "Unknown directive \"@unknown\".")]
    [InlineData("type Query { a: Int } enum E { A } extend type E { b: Int }", "Cannot extend non-object type \"E\".")]
    [InlineData("type Query { a: Int } union U = Query | String", "Union type U can only include Object types, it cannot include String.")]
    [InlineData("type Query { __a: Int }", "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.")]
    [InlineData("type Mutation { a: Int }", "Query root type must be provided.")]
    [InlineData("type Query { a: Int @deprecated @deprecated }", "The directive \"@deprecated\" can only be used once at this location.")]
    public void invalid_schemas_are_refused_with_the_reason(string sdl, string expected)
    {
        var error = Assert.Throws<SchemaException>(() => SchemaBuilder.FromSdl(sdl).Build());

        Assert.Contains(expected, error.Errors.Select(e => e.Message));
    }
}
