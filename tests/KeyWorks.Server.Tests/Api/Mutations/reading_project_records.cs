using System.Text.Json;
using KeyWorks.Testing;

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
        Assert.Equal(JsonValueKind.String, plan.GetProperty("total").ValueKind); // money is an exact decimal string
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
    public async Task what_the_office_and_units_write_is_read_back_a_description_a_plans_basis_and_each_stages_note()
    {
        var programme = (await _scenario.PostAsync(Caller.Office, "{ programmes { id } }")).GetProperty("data").GetProperty("programmes")[0].GetProperty("id").GetString()!;
        var year = SuiteClock.Today.Year;
        var registered = await _scenario.MutateAsync(Caller.Office, "registerProject", "RegisterProjectInput", new
        {
            idempotencyKey = Scenario.Key(), programmeId = programme, name = "测试排涝泵站", category = "WATER", township = "高新街道",
            description = "  新建排涝泵站一座，配套进出水管道1.2公里  ", totalInvestment = 30_000_000m,
            plannedStart = $"{year}-03-01", plannedCompletion = $"{year + 1}-06-30",
        }, "project { id description } errors { code message field }");
        var id = registered.GetProperty("project").GetProperty("id").GetString()!;
        Assert.Equal("新建排涝泵站一座，配套进出水管道1.2公里", registered.GetProperty("project").GetProperty("description").GetString());

        var amended = await _scenario.MutateAsync(Caller.Office, "amendProject", "AmendProjectInput",
            new { idempotencyKey = Scenario.Key(), projectId = id, description = "新建排涝泵站一座", reason = "建设内容调整" },
            "project { description } errors { code message field }");
        Assert.Equal("新建排涝泵站一座", amended.GetProperty("project").GetProperty("description").GetString());

        await _scenario.MutateAsync(Caller.Office, "setAnnualPlan", "SetAnnualPlanInput",
            new { idempotencyKey = Scenario.Key(), projectId = id, year, monthly = Enumerable.Repeat(500_000m, 12).ToArray(), reason = "区重点项目计划第一批" });
        var history = Data(await _scenario.PostAsync(Caller.Auditor, "query($id: ID!) { node(id: $id) { ... on Project { history(first: 20) { edges { node { summary } } } } } }", new { id })).GetProperty("node").GetProperty("history").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Contains(history, h => h.GetProperty("summary").GetString()!.StartsWith($"下达{year}年度计划投资", StringComparison.Ordinal)
            && h.GetProperty("summary").GetString()!.EndsWith("：区重点项目计划第一批", StringComparison.Ordinal));

        var problem = (await _scenario.MutateAsync(Caller.Office, "raiseProblem", "RaiseProblemInput",
            new { idempotencyKey = Scenario.Key(), projectId = id, category = "LAND", description = "泵站用地预审未批复" }, "problem { id } errors { code message field }"))
            .GetProperty("problem").GetProperty("id").GetString()!;
        await _scenario.MutateAsync(Caller.Office, "assignProblem", "AssignProblemInput", new { idempotencyKey = Scenario.Key(), problemId = problem, unitId = $"Unit:{Scenario.ContractorUnit}" });
        await _scenario.MutateAsync(Caller.Office, "acceptProblem", "ProblemStepInput", new { idempotencyKey = Scenario.Key(), problemId = problem, note = "已受理，安排专人对接" });
        await _scenario.MutateAsync(Caller.Office, "handleProblem", "ProblemStepInput", new { idempotencyKey = Scenario.Key(), problemId = problem, note = "已上报市局预审" });

        var clocks = Data(await _scenario.PostAsync(Caller.Office, "query($id: ID!) { node(id: $id) { ... on Problem { clocks { stage note } } } }", new { id = problem })).GetProperty("node").GetProperty("clocks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("stage").GetString()!, c => c.GetProperty("note").ValueKind == JsonValueKind.Null ? null : c.GetProperty("note").GetString());
        Assert.Equal("已受理，安排专人对接", clocks["ACCEPTED"]);
        Assert.Equal("已上报市局预审", clocks["HANDLED"]);
        Assert.Null(clocks["CLOSED"]);
    }

    private static JsonElement Data(JsonElement response)
    {
        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        return response.GetProperty("data");
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
