using System.Text.Json.Nodes;

namespace KeyWorks.GraphQL.Tests.Oracle;

/// <summary>
/// Every corpus document is parsed, validated and (when valid) executed by our engine and by graphql-js;
/// the outcomes must agree: the same syntax error location, the same validation errors with the same
/// locations, the same data and the same error paths.
/// </summary>
public sealed class agreeing_with_graphql_js
{
    public static TheoryData<string> CaseIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in Corpus.Cases)
            {
                data.Add(c.Id);
            }

            return data;
        }
    }

    [Fact]
    public void the_corpus_holds_at_least_300_documents()
    {
        Assert.True(Corpus.Cases.Count >= 300, $"The corpus holds {Corpus.Cases.Count} documents.");
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void outcome_matches_graphql_js(string id)
    {
        var c = Corpus.Get(id);
        var expected = GraphQLJsOracle.Instance.Results[id]?.AsObject() ?? throw new InvalidOperationException("The oracle has no result for " + id);
        var actual = OurEngine.Run(c);

        OutcomeComparison.AssertSame(expected, actual);
    }
}

/// <summary>Compares outcomes: errors as sorted sets (rule order may differ), syntax errors by location.</summary>
public static class OutcomeComparison
{
    public static void AssertSame(JsonObject expected, JsonObject actual)
    {
        var expectedKind = expected.First().Key;
        var actualKind = actual.First().Key;
        Assert.True(expectedKind == actualKind, $"graphql-js: {expected.ToJsonString()}\nours:       {actual.ToJsonString()}");
        switch (expectedKind)
        {
            case "syntaxError":
                Assert.Equal(expected["syntaxError"]!["locations"]!.ToJsonString(), actual["syntaxError"]!["locations"]!.ToJsonString());
                break;
            case "validationErrors":
                Assert.Equal(SortedErrors(expected["validationErrors"]!.AsArray()), SortedErrors(actual["validationErrors"]!.AsArray()));
                break;
            case "execution":
                var expectedExecution = expected["execution"]!.AsObject();
                var actualExecution = actual["execution"]!.AsObject();
                if (actualExecution.Count == 0)
                {
                    return;
                }

                Assert.Equal(expectedExecution["data"]?.ToJsonString(), actualExecution["data"]?.ToJsonString());
                Assert.Equal(
                    SortedErrors(expectedExecution["errors"]?.AsArray() ?? []),
                    SortedErrors(actualExecution["errors"]?.AsArray() ?? []));
                break;
        }
    }

    private static string SortedErrors(JsonArray errors) =>
        string.Join("\n", errors.Select(e => e!.ToJsonString()).Order(StringComparer.Ordinal));
}
