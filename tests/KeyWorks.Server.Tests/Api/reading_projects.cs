using System.Globalization;
using System.Text.Json;
using KeyWorks.Domain;
using KeyWorks.Server.Auth;

namespace KeyWorks.Server.Tests.Api;

/// <summary>The read queries over HTTP against the server with the demo programme loaded.</summary>
public sealed class reading_projects(DemoServer demo) : IClassFixture<DemoServer>
{
    private const string Page = "query($after: String) { projects(first: 5, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }";

    private Task<string> OfficeAsync() => demo.LoginAsync("office-zhou", "office-demo");

    [Fact]
    public async Task without_signing_in_the_queries_are_refused_as_unauthenticated()
    {
        var result = await demo.PostAsync("{ programmes { id } }");

        Assert.Equal("UNAUTHENTICATED", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task the_office_sees_the_demo_programme_and_pages_through_its_21_projects()
    {
        var token = await OfficeAsync();
        var programmes = (await demo.PostAsync("{ programmes { id name year projectCount } }", token: token)).GetProperty("data").GetProperty("programmes");
        Assert.Equal(1, programmes.GetArrayLength());
        Assert.Equal(21, programmes[0].GetProperty("projectCount").GetInt32());

        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var page = (await demo.PostAsync(Page, new { after }, token)).GetProperty("data").GetProperty("projects");
            Assert.Equal(21, page.GetProperty("totalCount").GetInt32());
            Assert.Equal(after is not null, page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
            seen.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(21, seen.Distinct().Count());
        Assert.Equal(21, seen.Count);
    }

    [Fact]
    public async Task a_project_shows_its_figures_and_nodes_and_is_also_found_by_node()
    {
        var token = await OfficeAsync();
        var project = (await demo.PostAsync("""
            { project(id: "Project:zjdd") { name category figures { totalInvestment totalCompletionRate light asOfDate } nodes { name status } } }
            """, token: token)).GetProperty("data").GetProperty("project");

        Assert.Equal("紫荆大道（中原路—文昌路）", project.GetProperty("name").GetString());
        Assert.Equal("ROAD", project.GetProperty("category").GetString());
        Assert.Equal(250_000_000m, Amount(project.GetProperty("figures").GetProperty("totalInvestment")));
        Assert.InRange(Amount(project.GetProperty("figures").GetProperty("totalCompletionRate")), 1m, 100m);
        Assert.NotEqual(0, project.GetProperty("nodes").GetArrayLength());

        var node = (await demo.PostAsync("""{ node(id: "Project:zjdd") { id ... on Project { name } } }""", token: token)).GetProperty("data").GetProperty("node");
        Assert.Equal(project.GetProperty("name").GetString(), node.GetProperty("name").GetString());
    }

    [Fact]
    public async Task as_of_a_past_moment_the_figures_are_those_known_then()
    {
        var token = await OfficeAsync();
        const string Query = """query($asOf: DateTime) { projects(first: 30, asOf: $asOf) { nodes { figures { asOfDate completedSinceStart } } } }""";

        var march = (await demo.PostAsync(Query, new { asOf = "2026-03-01T00:00:00+08:00" }, token)).GetProperty("data").GetProperty("projects").GetProperty("nodes");
        var now = (await demo.PostAsync(Query, new { asOf = (string?)null }, token)).GetProperty("data").GetProperty("projects").GetProperty("nodes");

        Assert.Equal("2026-03-01", march[0].GetProperty("figures").GetProperty("asOfDate").GetString());
        Assert.True(march.EnumerateArray().Sum(p => Amount(p.GetProperty("figures").GetProperty("completedSinceStart")))
            < now.EnumerateArray().Sum(p => Amount(p.GetProperty("figures").GetProperty("completedSinceStart"))));
    }

    [Fact]
    public async Task a_contractor_sees_only_the_projects_of_their_unit()
    {
        var (account, password) = UserAccounts.DemoUsers.Single(u => u.Account.Role == Role.Contractor);
        var token = await demo.LoginAsync(account.UserName, password);

        var projects = (await demo.PostAsync("{ projects { totalCount nodes { id } } }", token: token)).GetProperty("data").GetProperty("projects");
        Assert.Equal(1, projects.GetProperty("totalCount").GetInt32());
        Assert.Equal("Project:zjdd", projects.GetProperty("nodes")[0].GetProperty("id").GetString());

        var other = (await demo.PostAsync("{ projects(first: 30) { nodes { id } } }", token: await OfficeAsync())).GetProperty("data")
            .GetProperty("projects").GetProperty("nodes").EnumerateArray().Select(p => p.GetProperty("id").GetString()).First(id => id != "Project:zjdd");
        var refused = await demo.PostAsync("query($id: ID!) { project(id: $id) { name } }", new { id = other }, token);
        Assert.Equal("FORBIDDEN", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task a_leader_lists_the_projects_they_lead_through_me()
    {
        var token = await demo.LoginAsync("leader-wang", "leader-demo");
        var mine = (await demo.PostAsync("{ me { projects { id } } }", token: token)).GetProperty("data").GetProperty("me").GetProperty("projects");

        Assert.Contains(mine.EnumerateArray(), p => p.GetProperty("id").GetString() == "Project:zjdd");
    }

    [Fact]
    public async Task projects_sort_by_total_investment_descending()
    {
        var token = await OfficeAsync();
        var nodes = (await demo.PostAsync("{ projects(first: 30, orderBy: {field: TOTAL_INVESTMENT, direction: DESC}) { nodes { figures { totalInvestment } } } }", token: token))
            .GetProperty("data").GetProperty("projects").GetProperty("nodes");

        var amounts = nodes.EnumerateArray().Select(p => Amount(p.GetProperty("figures").GetProperty("totalInvestment"))).ToList();
        Assert.Equal(21, amounts.Count);
        Assert.Equal(amounts.OrderByDescending(a => a), amounts);
    }

    [Fact]
    public async Task the_overview_counts_the_programme_projects_and_their_lights()
    {
        var token = await OfficeAsync();
        var overview = (await demo.PostAsync("{ overview { projectCount startedCount plannedStartCount startRate lights { light count } } }", token: token))
            .GetProperty("data").GetProperty("overview");

        Assert.Equal(21, overview.GetProperty("projectCount").GetInt32());
        Assert.Equal(21, overview.GetProperty("lights").EnumerateArray().Sum(l => l.GetProperty("count").GetInt32()));
        Assert.InRange(overview.GetProperty("startedCount").GetInt32(), 1, 21);
        Assert.InRange(Amount(overview.GetProperty("startRate")), 0m, 100m);
    }

    private static decimal Amount(JsonElement value) =>
        decimal.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
