using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Tests.Execution;

/// <summary>A connection's <c>first</c> sizes its page once: the connection object is not a list of its own.</summary>
public sealed class measuring_the_cost_of_pages
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Query { projects(first: Int): ProjectConnection! tags: [String!]! }
        type ProjectConnection { totalCount: Int! nodes: [Project!]! edges: [ProjectEdge!]! }
        type ProjectEdge { cursor: String! node: Project! }
        type Project { name: String! reports(first: Int): ReportConnection! contractors: [String!]! }
        type ReportConnection { nodes: [Report!]! }
        type Report { id: ID! }
        """).Build();

    private static async Task<string> RefusalOf(string query, object? first = null)
    {
        var variables = first is null ? null : new Dictionary<string, object?> { ["first"] = first };
        var result = await Executor.ExecuteAsync(Schema, new ExecutionRequest { Query = query, Variables = variables }, null,
            new ExecutionOptions { MaxCost = 1 }, TestContext.Current.CancellationToken);
        return Assert.Single(result.Errors).Message;
    }

    [Fact]
    public async Task a_page_of_a_connection_costs_its_size_once()
    {
        // projects 1 + totalCount 1 + nodes 1 + 50 names
        Assert.Contains("cost is 53;", await RefusalOf("{ projects(first: 50) { totalCount nodes { name } } }"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_page_size_may_come_from_a_variable_and_sizes_edges_too()
    {
        // projects 1 + edges 1 + 20 × (cursor 1 + node 1 + name 1)
        Assert.Contains("cost is 62;", await RefusalOf("query($first: Int) { projects(first: $first) { edges { cursor node { name } } } }", 20), StringComparison.Ordinal);
    }

    [Fact]
    public async Task nested_pages_multiply_and_lists_without_first_are_assumed_ten_long()
    {
        // projects 1 + nodes 1 + 10 × (reports 1 + nodes 1 + 5 ids + contractors 1): a list of scalars is one field
        var message = await RefusalOf("{ projects(first: 10) { nodes { reports(first: 5) { nodes { id } } contractors } } }");

        Assert.Contains("cost is 82;", message, StringComparison.Ordinal);
    }
}
