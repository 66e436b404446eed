using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Tests.Execution;

/// <summary>Hostile documents get a clear error, not an exhausted server.</summary>
public sealed class refusing_hostile_documents
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("type Query { a: A } type A { a: A b: String }").Build();

    private static Task<ExecutionResult> Run(string query) =>
        Executor.ExecuteAsync(Schema, new ExecutionRequest { Query = query }, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task a_ten_megabyte_document_is_refused_as_too_large()
    {
        var result = await Run("{ a { b } }" + new string(' ', 10 * 1024 * 1024));

        Assert.Equal("DOCUMENT_TOO_LARGE", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task ten_thousand_levels_of_nesting_are_a_syntax_error()
    {
        var query = string.Concat(Enumerable.Repeat("{ a ", 10_000)) + new string('}', 10_000);

        var result = await Run(query);

        var error = Assert.Single(result.Errors);
        Assert.Equal("GRAPHQL_PARSE_FAILED", error.Code);
        Assert.Contains("maximum depth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_fragment_cycle_is_a_validation_error()
    {
        var result = await Run("{ a { ...X } } fragment X on A { a { ...Y } } fragment Y on A { a { ...X } }");

        Assert.Contains(result.Errors, e => e.Message.StartsWith("Cannot spread fragment \"X\" within itself via \"Y\".", StringComparison.Ordinal));
        Assert.False(result.HasData);
    }

    [Fact]
    public async Task ten_thousand_aliases_exceed_the_document_size_limit()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"x{i}: a {{ b }}")) + " }";

        var result = await Run(query);

        Assert.Equal("DOCUMENT_TOO_LARGE", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task ten_thousand_aliases_exceed_the_token_limit()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"x{i}: a {{ b }}")) + " }";
        var options = new ExecutionOptions { MaxDocumentLength = 1_000_000 };

        var result = await Executor.ExecuteAsync(Schema, new ExecutionRequest { Query = query }, null, options, TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Contains("tokens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ten_thousand_aliases_within_the_token_limit_are_measured_by_cost()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"x{i}: a {{ b }}")) + " }";
        var options = new ExecutionOptions { Parser = new() { MaxTokens = 100_000 }, MaxDocumentLength = 1_000_000, MaxCost = 5_000 };

        var result = await Executor.ExecuteAsync(Schema, new ExecutionRequest { Query = query }, null, options, TestContext.Current.CancellationToken);

        Assert.True(result.Errors.Count == 1, string.Join("; ", result.Errors));
        Assert.Equal("MAX_COST_EXCEEDED", result.Errors[0].Code);
    }

    [Fact]
    public async Task fragments_spreading_the_next_twice_forty_times_are_measured_once_each_and_exceed_the_cost()
    {
        // 2^40 fields once expanded; walking each spread anew never finished.
        var query = "{ ...F0 } " + string.Join(" ", Enumerable.Range(0, 40).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}"))
            + " fragment F40 on Query { a { b } }";

        var result = await Run(query).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("MAX_COST_EXCEEDED", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task a_fragment_counts_as_deep_as_the_place_it_is_spread()
    {
        var fragment = "fragment F on A { a { a { a { a { a { a { a { a { a { a { a { a { b } } } } } } } } } } } } }";

        var shallow = await Run("{ a { ...F } } " + fragment);
        var deep = await Run("{ a { a { a { ...F } } } } " + fragment);

        Assert.Empty(shallow.Errors);
        Assert.Equal("MAX_DEPTH_EXCEEDED", Assert.Single(deep.Errors).Code);
    }
}
