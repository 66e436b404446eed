using System.Text.Json.Nodes;

namespace KeyWorks.GraphQL.Tests.Http;

public sealed class serving_graphiql(GraphQLServer server) : IClassFixture<GraphQLServer>
{
    [Fact]
    public async Task a_browser_gets_graphiql_and_it_runs_a_query()
    {
        var output = await subscribing_to_events.RunNode("graphiql.mjs", new Uri(server.Address, "/graphql").ToString(), "{ hello(name: \"GraphiQL\") }");

        var outcome = JsonNode.Parse(output)!;
        Assert.Empty(outcome["failures"]!.AsArray());
        Assert.Equal("Hello, GraphiQL!", JsonNode.Parse(outcome["result"]!.GetValue<string>())!["data"]!["hello"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_graphiql_script_is_served_from_the_assembly()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(server.Address, "/graphql?graphiql=graphiql.js"), TestContext.Current.CancellationToken);

        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Content.Headers.ContentLength > 100_000);
    }
}
