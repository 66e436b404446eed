using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Tests.Language;

public sealed class parsing_documents
{
    private const string KitchenSink = """"
        query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {
          whoever123is: node(id: [123, 456]) {
            id
            ... on User @onInlineFragment {
              field2 {
                id
                alias: field1(first: 10, after: $foo) @include(if: $foo) {
                  id
                  ...frag @onFragmentSpread
                }
              }
            }
            ... @skip(unless: $foo) {
              id
            }
            ... {
              id
            }
          }
        }

        mutation likeStory @onMutation {
          like(story: 123) @onField {
            story {
              id @onField
            }
          }
        }

        subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
          storyLikeSubscribe(input: $input) {
            story {
              likers {
                count
              }
            }
          }
        }

        fragment frag on Friend @onFragmentDefinition {
          foo(
            size: $size
            bar: $b
            obj: {key: "value", block: """
            block string uses \"""
            """}
          )
        }

        {
          unnamed(truthy: true, falsy: false, nullish: null)
          query
        }
        """";

    [Fact]
    public void kitchen_sink_prints_back_to_the_same_text()
    {
        var document = Parser.Parse(KitchenSink);

        Assert.Equal(KitchenSink, Printer.Print(document));
    }

    [Fact]
    public void nodes_carry_line_and_column_of_their_first_token()
    {
        var document = Parser.Parse("query Q {\n  a\n  b: c(x: 1)\n}");
        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        var field = Assert.IsType<FieldNode>(operation.SelectionSet.Selections[1]);

        Assert.Equal(new Location(16, 26, 3, 3), field.Location);
        Assert.Equal("b", field.ResponseKey);
        Assert.Equal(new SourceLocation(3, 8), field.Arguments[0].Location.ToSourceLocation());
    }

    [Fact]
    public void block_strings_lose_common_indentation_and_blank_edge_lines()
    {
        var value = Assert.IsType<StringValueNode>(Parser.ParseValue("\"\"\"\n\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\""));

        Assert.Equal("Hello,\n  World!\n\nYours,\n  GraphQL.", value.Value);
        Assert.True(value.Block);
    }

    [Theory]
    [InlineData("\"\\u00e9\\u{1F600}\\uD83D\\uDE00\"", "é😀😀")]
    [InlineData("\"quote \\\" slash \\/ tab \\t\"", "quote \" slash / tab \t")]
    public void string_escapes_decode(string literal, string expected)
    {
        var value = Assert.IsType<StringValueNode>(Parser.ParseValue(literal));

        Assert.Equal(expected, value.Value);
    }

    [Theory]
    [InlineData("{ a(x: 01) }", 1, 9)]
    [InlineData("{ a(x: 1.) }", 1, 10)]
    [InlineData("{ a(x: \"open) }", 1, 16)]
    [InlineData("{ a(x: \"\\uD800\") }", 1, 9)]
    [InlineData("{ a ? }", 1, 5)]
    [InlineData("query { ...on }", 1, 15)]
    [InlineData("fragment on on T { a }", 1, 10)]
    [InlineData("{ a }\n\n  query", 3, 8)]
    [InlineData("query Q($v: Int = $w) { a }", 1, 19)]
    [InlineData("\"desc\" { a }", 1, 1)]
    [InlineData("\"desc\" extend type T @d", 1, 1)]
    [InlineData("extend type T", 1, 14)]
    [InlineData("directive @d on FIELD | NOWHERE", 1, 25)]
    [InlineData("enum E { true }", 1, 10)]
    public void malformed_documents_fail_at_the_offending_token(string source, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Equal(new SourceLocation(line, column), error.Location);
        Assert.StartsWith("Syntax Error: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void deep_nesting_is_refused_before_the_stack_runs_out()
    {
        var source = string.Concat(Enumerable.Repeat("{a", 10_000)) + new string('}', 10_000);

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Contains("maximum depth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void deeply_nested_list_values_are_refused()
    {
        var source = "{ a(x: " + new string('[', 10_000) + new string(']', 10_000) + ") }";

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Contains("maximum depth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void documents_with_too_many_tokens_are_refused()
    {
        var source = "{ " + string.Join(" ", Enumerable.Range(0, 2_000).Select(i => $"a{i}: b")) + " }";

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, new ParserOptions { MaxTokens = 1_000 }));

        Assert.Contains("more than 1000 tokens", error.Message, StringComparison.Ordinal);
    }
}
