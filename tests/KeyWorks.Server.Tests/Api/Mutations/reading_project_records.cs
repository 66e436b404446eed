using System.Text.Json;

namespace KeyWorks.Server.Tests.Api.Mutations;

/// <summary>Reads over the demo programme: a leader's own projects first, a project's series, nodes, progress and reports.</summary>
[Collection(MutationServer.Name)]
public sealed class reading_project_records(DemoServer demo)
{
    private readonly Scenario _scenario = new(demo);

    [Fact]
    public async Task a_leader_sees_every_project_with_their_own_first()
    {
        var projects = (await _scenario.PostAsync(Caller.Leader, "{ me { name } projects(first: 100) { totalCount nodes { id leader { id } } } }"))
            .GetProperty("data").GetProperty("projects");
        var office = (await _scenario.PostAsync(Caller.Office, "{ projects(first: 100) { totalCount } }")).GetProperty("data").GetProperty("projects");

        Assert.Equal(office.GetProperty("totalCount").GetInt32(), projects.GetProperty("totalCount").GetInt32());
        var own = projects.GetProperty("nodes").EnumerateArray()
            .Select(p => p.GetProperty("leader").ValueKind == JsonValueKind.Object && p.GetProperty("leader").GetProperty("id").GetString() == "Leader:leader-wang")
            .ToList();
        Assert.Contains(true, own);
        Assert.Contains(false, own);
        Assert.Equal(own.OrderByDescending(o => o), own);
    }

    [Fact]
    public async Task a_project_shows_its_plan_series_nodes_latest_progress_and_reports()
    {
        var project = (await _scenario.PostAsync(Caller.Auditor, """
            { project(id: "Project:zjdd") {
                annualPlan { year total monthly revision }
                monthlySeries { month planned actual plannedCumulative actualCumulative }
                nodes { id name sequence plannedDate latestAllowedDate status }
                latestProgress { id month percent narrative status }
                confirmed: reports(status: CONFIRMED, first: 100) { totalCount nodes { __typename id } }
            } }
            """)).GetProperty("data").GetProperty("project");

        var plan = project.GetProperty("annualPlan");
        var monthly = plan.GetProperty("monthly").EnumerateArray().Select(Scenario.Amount).ToList();
        Assert.Equal(12, monthly.Count);
        Assert.Equal(monthly.Sum(), Scenario.Amount(plan.GetProperty("total")));

        var series = project.GetProperty("monthlySeries").EnumerateArray().ToList();
        Assert.Equal(12, series.Count);
        Assert.Equal(monthly, series.Select(p => Scenario.Amount(p.GetProperty("planned"))));
        Assert.Equal(monthly.Sum(), Scenario.Amount(series[^1].GetProperty("plannedCumulative")));
        var actuals = series.Select(p => Scenario.Amount(p.GetProperty("actual"))).ToList();
        Assert.Equal(actuals.Sum(), Scenario.Amount(series[^1].GetProperty("actualCumulative")));

        // Backward scheduling: every node's latest allowed date is on or before the next one's.
        var latest = project.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("latestAllowedDate").GetString()!).ToList();
        Assert.Equal(latest.Order(StringComparer.Ordinal), latest);

        var progress = project.GetProperty("latestProgress");
        Assert.StartsWith("ProgressReport:zjdd/", progress.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(progress.GetProperty("narrative").GetString()!);

        var confirmed = project.GetProperty("confirmed");
        Assert.True(confirmed.GetProperty("totalCount").GetInt32() >= 10);
        Assert.Contains(confirmed.GetProperty("nodes").EnumerateArray(), r => r.GetProperty("__typename").GetString() == "NodeReport");
        Assert.Contains(confirmed.GetProperty("nodes").EnumerateArray(), r => r.GetProperty("__typename").GetString() == "InvestmentReport");
    }

    [Fact]
    public async Task a_contractor_may_not_read_another_projects_node_by_id()
    {
        var foreign = await _scenario.FreshProjectAsync(contractorsOwn: false);
        var node = MutationCases.NodeId(foreign, "permits");

        var response = await _scenario.PostAsync(Caller.OwnContractor, "query($id: ID!) { node(id: $id) { id } }", new { id = node });
        var office = await _scenario.PostAsync(Caller.Office, "query($id: ID!) { node(id: $id) { id ... on ProjectNode { name } } }", new { id = node });

        Assert.Equal("FORBIDDEN", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("手续办理", office.GetProperty("data").GetProperty("node").GetProperty("name").GetString());
    }
}
