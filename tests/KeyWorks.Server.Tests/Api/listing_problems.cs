using System.Globalization;
using System.Text.Json;
using KeyWorks.Domain;
using KeyWorks.Domain.Problems;
using KeyWorks.Server.Auth;
using static KeyWorks.Server.Tests.Api.DemoFacts;

namespace KeyWorks.Server.Tests.Api;

/// <summary><c>problems</c>, <c>Project.problems</c>, <c>Project.inspections</c> and <c>node(id:)</c> over HTTP on the demo at noon.</summary>
[Collection(ReadOnlyDemo.Name)]
public sealed class listing_problems(DemoAtNoon demo)
{
    private const string Query = """
        query($first: Int, $after: String, $filter: ProblemFilter, $asOf: DateTime) {
          problems(first: $first, after: $after, filter: $filter, asOf: $asOf) {
            totalCount countsByStage { stage count overdue }
            pageInfo { hasNextPage endCursor }
            nodes { id stage overdue escalated deadline reopenCount closingEvidence assignedUnit { name } project { id }
                    clocks { stage startedAt dueAt doneAt overdueDays } }
          }
        }
        """;

    private async Task<JsonElement> ProblemsAsync(object variables, string? token = null)
    {
        var response = await demo.PostAsync(Query, variables, token ?? await demo.LoginAsync("office-zhou", "office-demo"));
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data").GetProperty("problems");
    }

    private static string LocalId(JsonElement problem) => problem.GetProperty("id").GetString()!["Problem:".Length..];

    [Fact]
    public async Task the_board_counts_each_stage_and_its_overdue_problems_by_the_1_6_10_rule()
    {
        var problems = await ProblemsAsync(new { first = 100 });
        var expected = ModelAt(DemoAtNoon.Noon).Problems.Values.ToList();

        Assert.Equal(expected.Count, problems.GetProperty("totalCount").GetInt32());
        foreach (var count in problems.GetProperty("countsByStage").EnumerateArray())
        {
            var stage = Enum.Parse<ProblemStage>(count.GetProperty("stage").GetString()!, ignoreCase: true);
            Assert.Equal(expected.Count(p => p.Stage == stage), count.GetProperty("count").GetInt32());
            Assert.Equal(expected.Count(p => p.Stage == stage && RunningLate(p, DemoAtNoon.Noon)), count.GetProperty("overdue").GetInt32());
        }

        var nodes = problems.GetProperty("nodes").EnumerateArray().ToList();
        Assert.All(nodes, n => Assert.Equal(RunningLate(ModelAt(DemoAtNoon.Noon).Problems[LocalId(n)], DemoAtNoon.Noon), n.GetProperty("overdue").GetBoolean()));
        // Overdue problems come first.
        Assert.Equal(nodes.Select(n => n.GetProperty("overdue").GetBoolean()).OrderByDescending(o => o), nodes.Select(n => n.GetProperty("overdue").GetBoolean()));
    }

    [Fact]
    public async Task each_clock_runs_from_the_assignment_one_six_and_ten_days_and_counts_whole_days_late()
    {
        var problems = (await ProblemsAsync(new { first = 100 })).GetProperty("nodes").EnumerateArray().ToList();
        var model = ModelAt(DemoAtNoon.Noon);

        Assert.All(problems.Where(p => p.GetProperty("stage").GetString() == "RAISED"), p => Assert.Equal(0, p.GetProperty("clocks").GetArrayLength()));
        foreach (var problem in problems.Where(p => p.GetProperty("stage").GetString() != "RAISED"))
        {
            var state = model.Problems[LocalId(problem)];
            var clocks = problem.GetProperty("clocks").EnumerateArray().ToList();
            var close = new DateTimeOffset(state.Deadline!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            Assert.Equal(["ACCEPTED", "HANDLED", "CLOSED"], clocks.Select(c => c.GetProperty("stage").GetString()));
            Assert.All(clocks, c => Assert.Equal(state.ClockStart, Instant(c.GetProperty("startedAt"))));
            Assert.Equal(Min(state.ClockStart!.Value.AddDays(1), close), Instant(clocks[0].GetProperty("dueAt")));
            Assert.Equal(Min(state.ClockStart!.Value.AddDays(6), close), Instant(clocks[1].GetProperty("dueAt")));
            Assert.Equal(close, Instant(clocks[2].GetProperty("dueAt")));
            foreach (var clock in clocks)
            {
                var done = clock.GetProperty("doneAt").ValueKind == JsonValueKind.Null ? DemoAtNoon.Noon : Instant(clock.GetProperty("doneAt"));
                var late = done - Instant(clock.GetProperty("dueAt"));
                // The server's clock ran on a little since noon; a day boundary is not near in the demo.
                Assert.Equal(late > TimeSpan.Zero ? (int)Math.Ceiling(late.TotalDays) : 0, clock.GetProperty("overdueDays").GetInt32());
            }
        }

        Assert.Contains(problems, p => p.GetProperty("clocks").EnumerateArray().Any(c => c.GetProperty("overdueDays").GetInt32() > 0));
    }

    [Fact]
    public async Task filters_by_stage_project_category_unit_and_overdue()
    {
        var model = ModelAt(DemoAtNoon.Noon);

        var closed = await ProblemsAsync(new { first = 100, filter = new { stages = new[] { "CLOSED" } } });
        Assert.Equal(model.Problems.Values.Count(p => p.Stage == ProblemStage.Closed), closed.GetProperty("totalCount").GetInt32());
        Assert.All(closed.GetProperty("nodes").EnumerateArray(), p => Assert.Equal("CLOSED", p.GetProperty("stage").GetString()));
        // The stage counts ignore the stage filter, so a board's tabs keep their sizes.
        Assert.Equal(model.Problems.Count, closed.GetProperty("countsByStage").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));

        var zjdd = await ProblemsAsync(new { first = 100, filter = new { projectId = "Project:zjdd" } });
        Assert.Equal(model.ProblemsOf("zjdd").Count(), zjdd.GetProperty("totalCount").GetInt32());

        var funding = await ProblemsAsync(new { first = 100, filter = new { categories = new[] { "FUNDING" } } });
        Assert.Equal(model.Problems.Values.Count(p => p.Category == ProblemCategory.Funding), funding.GetProperty("totalCount").GetInt32());

        var unit = await ProblemsAsync(new { first = 100, filter = new { unitId = "Unit:区财政局" } });
        Assert.Equal(model.Problems.Values.Count(p => p.Unit == "区财政局"), unit.GetProperty("totalCount").GetInt32());
        Assert.All(unit.GetProperty("nodes").EnumerateArray(), p => Assert.Equal("区财政局", p.GetProperty("assignedUnit").GetProperty("name").GetString()));

        var overdue = await ProblemsAsync(new { first = 100, filter = new { overdueOnly = true } });
        Assert.Equal(model.Problems.Values.Count(p => RunningLate(p, DemoAtNoon.Noon)), overdue.GetProperty("totalCount").GetInt32());
        Assert.NotEqual(0, overdue.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task pages_cover_every_problem_once()
    {
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await ProblemsAsync(new { first = 5, after });
            seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(ModelAt(DemoAtNoon.Noon).Problems.Count, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var bad = await demo.PostAsync(Query, new { first = 5, after = "bm9wZQ==" }, await demo.LoginAsync("office-zhou", "office-demo"));
        Assert.Equal("BAD_USER_INPUT", Code(bad));
    }

    [Fact]
    public async Task as_of_a_past_moment_the_list_and_the_clocks_are_those_of_then()
    {
        const string AsOf = "2026-05-21T12:00:00+08:00";
        var at = DateTimeOffset.Parse(AsOf, CultureInfo.InvariantCulture);
        var then = await ProblemsAsync(new { first = 100, asOf = AsOf });
        var model = ModelAt(at);

        Assert.Equal(model.Problems.Count, then.GetProperty("totalCount").GetInt32());
        Assert.True(model.Problems.Count < ModelAt(DemoAtNoon.Noon).Problems.Count);
        foreach (var problem in then.GetProperty("nodes").EnumerateArray())
        {
            var state = model.Problems[LocalId(problem)];
            Assert.Equal(ProjectFieldsName(state.Stage), problem.GetProperty("stage").GetString());
            Assert.Equal(RunningLate(state, at), problem.GetProperty("overdue").GetBoolean());
        }
    }

    [Fact]
    public async Task a_contractor_sees_only_their_projects_problems_and_is_refused_others_by_id()
    {
        var (account, password) = UserAccounts.DemoUsers.Single(u => u.Account.Role == Role.Contractor);
        var token = await demo.LoginAsync(account.UserName, password);
        var mine = await ProblemsAsync(new { first = 100 }, token);
        var model = ModelAt(DemoAtNoon.Noon);

        Assert.Equal(model.ProblemsOf("zjdd").Count(), mine.GetProperty("totalCount").GetInt32());
        Assert.All(mine.GetProperty("nodes").EnumerateArray(), p => Assert.Equal("Project:zjdd", p.GetProperty("project").GetProperty("id").GetString()));

        var other = model.Problems.Values.First(p => p.ProjectId != "zjdd");
        var refused = await demo.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = $"Problem:{other.Id}" }, token);
        Assert.Equal("FORBIDDEN", Code(refused));
    }

    [Fact]
    public async Task a_leader_sees_every_problem_with_their_own_projects_first()
    {
        var problems = (await ProblemsAsync(new { first = 100 }, await demo.LoginAsync("leader-wang", "leader-demo"))).GetProperty("nodes").EnumerateArray().ToList();
        var model = ModelAt(DemoAtNoon.Noon);
        var mine = model.Problems.Values.Count(p => model.Projects[p.ProjectId].State.Responsibility?.LeaderId == "leader-wang");

        Assert.Equal(model.Problems.Count, problems.Count);
        Assert.InRange(mine, 1, problems.Count - 1);
        Assert.All(problems.Take(mine), p => Assert.Equal("leader-wang", model.Projects[p.GetProperty("project").GetProperty("id").GetString()!["Project:".Length..]].State.Responsibility?.LeaderId));
    }

    [Fact]
    public async Task node_finds_problems_inspections_units_leaders_programmes_and_users()
    {
        var token = await demo.LoginAsync("auditor-he", "auditor-demo");
        var model = ModelAt(DemoAtNoon.Noon);
        var problem = model.Problems.Values.First(p => p.Reopened > 0);
        var project = model.Projects.Values.First(p => p.State.Inspections.Count > 0).State;
        var inspection = project.Inspections[0];
        var response = await demo.PostAsync($$"""
            {
              problem: node(id: "Problem:{{problem.Id}}") { __typename ... on Problem { reopenCount project { id } } }
              inspection: node(id: "Inspection:{{project.Id}}/{{inspection.InspectionId}}") { __typename ... on Inspection { score inspectedOn } }
              unit: node(id: "Unit:{{problem.Unit}}") { __typename ... on Unit { name } }
              leader: node(id: "Leader:{{project.Responsibility!.LeaderId}}") { __typename ... on Leader { name } }
              programme: node(id: "Programme:gxq-2026") { __typename ... on Programme { year } }
              user: node(id: "User:office-zhou") { __typename ... on User { name role } }
              missing: node(id: "Problem:nope") { id }
            }
            """, token: token);
        var data = response.GetProperty("data");

        Assert.Equal(problem.Reopened, data.GetProperty("problem").GetProperty("reopenCount").GetInt32());
        Assert.Equal($"Project:{problem.ProjectId}", data.GetProperty("problem").GetProperty("project").GetProperty("id").GetString());
        Assert.Equal(inspection.Score, Amount(data.GetProperty("inspection").GetProperty("score")));
        Assert.Equal(problem.Unit, data.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal(project.Responsibility.LeaderName, data.GetProperty("leader").GetProperty("name").GetString());
        Assert.Equal(2026, data.GetProperty("programme").GetProperty("year").GetInt32());
        Assert.Equal("OFFICE", data.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("missing").ValueKind);

        var leader = await demo.LoginAsync("leader-wang", "leader-demo");
        Assert.Equal("FORBIDDEN", Code(await demo.PostAsync("""{ node(id: "User:office-zhou") { id } }""", token: leader)));
    }

    [Fact]
    public async Task a_project_lists_its_problems_and_its_inspections_with_the_monthly_flags()
    {
        var token = await demo.LoginAsync("office-zhou", "office-demo");
        var model = ModelAt(DemoAtNoon.Noon);
        var project = model.Projects.Values.Select(v => v.State).OrderByDescending(p => p.Inspections.Count).First();
        var response = await demo.PostAsync("""
            query($id: ID!) { project(id: $id) { problems { id stage } open: problems(openOnly: true) { id } inspections { id inspectedOn score flag } } }
            """, new { id = $"Project:{project.Id}" }, token);
        var data = response.GetProperty("data").GetProperty("project");
        var ranking = await demo.PostAsync("{ overview { ranking(period: MONTH) { projects { projectId flag } } } }", token: token);

        Assert.Equal(model.ProblemsOf(project.Id).Count(), data.GetProperty("problems").GetArrayLength());
        Assert.Equal(model.ProblemsOf(project.Id).Count(p => p.Stage != ProblemStage.Closed), data.GetProperty("open").GetArrayLength());
        var inspections = data.GetProperty("inspections").EnumerateArray().ToList();
        Assert.Equal(project.Inspections.Select(i => i.Score).Order(), inspections.Select(i => Amount(i.GetProperty("score"))).Order());
        // October's inspection carries the project's flag in October's ranking (the overview's monthly ranking).
        var october = inspections.Single(i => i.GetProperty("inspectedOn").GetString()!.StartsWith("2026-10", StringComparison.Ordinal));
        var flag = ranking.GetProperty("data").GetProperty("overview").GetProperty("ranking").GetProperty("projects").EnumerateArray()
            .Single(e => e.GetProperty("projectId").GetString() == $"Project:{project.Id}").GetProperty("flag");
        Assert.Equal(flag.ToString(), october.GetProperty("flag").ToString());
    }

    [Fact]
    public async Task the_dashboard_problem_board_document_is_answered_without_errors()
    {
        var token = await demo.LoginAsync("office-zhou", "office-demo");
        var response = await demo.PostAsync(DashboardDocuments.Operation("problems.ts", "query ProblemBoard("),
            new { first = 10, filter = new { stages = new[] { "ASSIGNED", "ACCEPTED" } } }, token);

        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.NotEqual(0, response.GetProperty("data").GetProperty("problems").GetProperty("totalCount").GetInt32());
    }

    private static DateTimeOffset Instant(JsonElement value) => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static string ProjectFieldsName(ProblemStage stage) => stage.ToString().ToUpperInvariant();
}
