using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Tests.Language;

public sealed class parsing_type_system_documents
{
    private const string SchemaKitchenSink = """"
        """
        This is a description
        of the schema as a whole.
        """
        schema @onSchema {
          query: QueryType
          mutation: MutationType
        }

        "This is a description of the `Foo` type."
        type Foo implements Bar & Baz & Two {
          "Description of the `one` field."
          one: Type
          """This is a description of the `two` field."""
          two(
            """This is a description of the `argument` argument."""
            argument: InputType!
          ): Type
          three(argument: InputType, other: String): Int
          four(argument: String = "string"): String
          five(argument: [String] = ["string", "string"]): String
          six(argument: InputType = {key: "value"}): Type
          seven(argument: Int = null): Type
          eight(argument: OneOfInputType): Type
        }

        extend type Foo @onType

        interface Bar implements Two @onInterface {
          one: Type
          four(argument: String = "string"): String
        }

        union Feed @onUnion = Story | Article | Advert

        extend union Feed = Photo | Video

        scalar CustomScalar @specifiedBy(url: "https://example.com/foo_spec")

        enum Site @onEnum {
          """This is a description of the `DESKTOP` value"""
          DESKTOP
          MOBILE @onEnumValue
        }

        input InputType @onInputObject {
          key: String!
          answer: Int = 42 @onInputFieldDefinition
        }

        input OneOfInputType @oneOf {
          string: String
          int: Int
        }

        extend input InputType @onInputObject

        directive @include2(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @myRepeatableDir(name: String!) repeatable on OBJECT | INTERFACE

        extend schema @onSchema {
          subscription: SubscriptionType
        }
        """";

    [Fact]
    public void schema_kitchen_sink_prints_back_to_the_same_text()
    {
        var document = Parser.Parse(SchemaKitchenSink);

        Assert.Equal(SchemaKitchenSink, Printer.Print(document));
    }

    [Fact]
    public void extensions_are_marked_as_such()
    {
        var document = Parser.Parse("type A { a: Int } extend type A implements I { b: Int }");

        var extension = Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[1]);
        Assert.True(extension.IsExtension);
        Assert.Equal("I", extension.Interfaces[0].Name.Value);
    }

    [Fact]
    public void directive_definitions_record_repeatable_and_their_locations()
    {
        var document = Parser.Parse("directive @tag(name: String!) repeatable on | FIELD_DEFINITION | OBJECT");

        var directive = Assert.IsType<DirectiveDefinitionNode>(document.Definitions[0]);
        Assert.True(directive.Repeatable);
        Assert.Equal(["FIELD_DEFINITION", "OBJECT"], directive.Locations.Select(l => l.Value));
    }
}
