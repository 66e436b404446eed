using System.Net.Http.Json;
using System.Text.Json;
using KeyWorks.Domain;
using KeyWorks.Server.Auth;
using static KeyWorks.Server.Tests.Api.DemoFacts;

namespace KeyWorks.Server.Tests.Api;

/// <summary>
/// The problem mutations and <c>scoreInspection</c> over HTTP on a demo server of their own: the 1-6-10 path from raising
/// to reopening, who is refused (nothing appended), field-level validation, and idempotent repeats.
/// </summary>
public sealed class handling_problems(DemoAtNoon demo) : IClassFixture<DemoAtNoon>
{
    private const string Fields = "problem { id stage description deadline reopenCount closingEvidence assignedUnit { name } clocks { stage doneAt } } errors { code message field }";
    private const string ContractorUnit = "紫荆大道项目部";

    private static readonly Dictionary<string, string> InputTypes = new()
    {
        ["raiseProblem"] = "RaiseProblemInput",
        ["assignProblem"] = "AssignProblemInput",
        ["acceptProblem"] = "ProblemStepInput",
        ["handleProblem"] = "ProblemStepInput",
        ["closeProblem"] = "CloseProblemInput",
        ["reopenProblem"] = "ReopenProblemInput",
    };

    private Task<string> OfficeAsync() => demo.LoginAsync("office-zhou", "office-demo");

    private Task<string> ContractorAsync()
    {
        var (account, password) = UserAccounts.DemoUsers.Single(u => u.Account.Role == Role.Contractor);
        return demo.LoginAsync(account.UserName, password);
    }

    private async Task<JsonElement> MutateAsync(string name, object input, string token, string? fields = null)
    {
        var type = name == "scoreInspection" ? "ScoreInspectionInput" : InputTypes[name];
        return await demo.PostAsync($"mutation($input: {type}!) {{ {name}(input: $input) {{ {fields ?? Fields} }} }}", new { input }, token);
    }

    private static JsonElement Payload(JsonElement response, string name)
    {
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data").GetProperty(name);
    }

    private static JsonElement Succeeded(JsonElement response, string name)
    {
        var payload = Payload(response, name);
        Assert.Equal(0, payload.GetProperty("errors").GetArrayLength());
        return payload.GetProperty("problem");
    }

    /// <summary>The payload's one error as <c>CODE at input.field</c>; nothing else in the payload.</summary>
    private static string Error(JsonElement response, string name)
    {
        var payload = Payload(response, name);
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.All(payload.EnumerateObject().Where(p => p.Name != "errors"), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
        var field = error.GetProperty("field");
        return $"{error.GetProperty("code").GetString()} at {(field.ValueKind == JsonValueKind.Null ? "-" : string.Join('.', field.EnumerateArray().Select(f => f.GetString())))}";
    }

    private async Task<long> EventsAsync()
    {
        using var client = new HttpClient { BaseAddress = demo.Server.BaseAddress };
        return (await client.GetFromJsonAsync<JsonElement>("health", TestContext.Current.CancellationToken)).GetProperty("events").GetInt64();
    }

    private static string Key() => Guid.NewGuid().ToString();

    private async Task<string> RaisedAsync(string token)
    {
        var problem = Succeeded(await MutateAsync("raiseProblem",
            new { idempotencyKey = Key(), projectId = "Project:zjdd", category = "SAFETY", description = "基坑东侧监测点位移超预警值" }, token), "raiseProblem");
        return problem.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task a_problem_goes_from_raised_to_closed_and_back_with_its_clocks()
    {
        var office = await OfficeAsync();
        var contractor = await ContractorAsync();

        var raised = Succeeded(await MutateAsync("raiseProblem", new
        {
            idempotencyKey = Key(), projectId = "Project:zjdd", category = "UTILITIES", description = "中原路雨水管线与燃气管线交叉\n需管线单位现场确认",
        }, contractor), "raiseProblem");
        var id = raised.GetProperty("id").GetString()!;
        Assert.Equal("RAISED", raised.GetProperty("stage").GetString());
        Assert.Equal(0, raised.GetProperty("clocks").GetArrayLength());

        var assigned = Succeeded(await MutateAsync("assignProblem", new { idempotencyKey = Key(), problemId = id, unitId = $"Unit:{ContractorUnit}" }, office), "assignProblem");
        Assert.Equal("ASSIGNED", assigned.GetProperty("stage").GetString());
        Assert.Equal(ContractorUnit, assigned.GetProperty("assignedUnit").GetProperty("name").GetString());
        Assert.Equal("2026-12-01", assigned.GetProperty("deadline").GetString()); // 10 days after 21 November
        Assert.Equal(3, assigned.GetProperty("clocks").GetArrayLength());

        var accepted = Succeeded(await MutateAsync("acceptProblem", new { idempotencyKey = Key(), problemId = id }, contractor), "acceptProblem");
        Assert.Equal("ACCEPTED", accepted.GetProperty("stage").GetString());
        Assert.NotEqual(JsonValueKind.Null, accepted.GetProperty("clocks")[0].GetProperty("doneAt").ValueKind);

        var handled = Succeeded(await MutateAsync("handleProblem", new { idempotencyKey = Key(), problemId = id, note = "已会同燃气公司调整雨水管线标高" }, contractor), "handleProblem");
        Assert.Equal("HANDLED", handled.GetProperty("stage").GetString());

        var closed = Succeeded(await MutateAsync("closeProblem", new { idempotencyKey = Key(), problemId = id, evidence = "管线交叉处理记录及照片" }, office), "closeProblem");
        Assert.Equal("CLOSED", closed.GetProperty("stage").GetString());
        Assert.Equal("管线交叉处理记录及照片", closed.GetProperty("closingEvidence").GetString());

        var reopened = Succeeded(await MutateAsync("reopenProblem", new { idempotencyKey = Key(), problemId = id, reason = "复查发现渗漏" }, office), "reopenProblem");
        Assert.Equal("ASSIGNED", reopened.GetProperty("stage").GetString());
        Assert.Equal(1, reopened.GetProperty("reopenCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("closingEvidence").ValueKind);

        // The board reads its own writes.
        var board = await demo.PostAsync("query($id: ID!) { node(id: $id) { ... on Problem { stage reopenCount } } }", new { id }, office);
        Assert.Equal("ASSIGNED", board.GetProperty("data").GetProperty("node").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task a_repeated_request_with_the_same_key_returns_the_first_result_and_appends_nothing()
    {
        var contractor = await ContractorAsync();
        var office = await OfficeAsync();
        var key = Key();
        var input = new { idempotencyKey = key, projectId = "Project:zjdd", category = "FUNDING", description = "进度款拨付滞后" };

        var first = Succeeded(await MutateAsync("raiseProblem", input, contractor), "raiseProblem");
        var before = await EventsAsync();
        var again = Succeeded(await MutateAsync("raiseProblem", input with { description = "改过的描述" }, contractor), "raiseProblem");
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal("进度款拨付滞后", again.GetProperty("description").GetString());
        Assert.Equal(before, await EventsAsync());

        var id = first.GetProperty("id").GetString()!;
        var assign = new { idempotencyKey = Key(), problemId = id, unitId = "Unit:区财政局" };
        Succeeded(await MutateAsync("assignProblem", assign, office), "assignProblem");
        before = await EventsAsync();
        // Deciding again would be refused (the problem is assigned now); the repeat is answered as the first run was.
        Assert.Equal("ASSIGNED", Succeeded(await MutateAsync("assignProblem", assign, office), "assignProblem").GetProperty("stage").GetString());
        Assert.Equal(before, await EventsAsync());

        var score = new { idempotencyKey = Key(), projectId = "Project:zjdd", inspectedOn = "2026-11-20", score = 86.5m, remarks = "十一月观摩" };
        var scored = Payload(await MutateAsync("scoreInspection", score, office, "inspection { id score } errors { code }"), "scoreInspection");
        before = await EventsAsync();
        var rescored = Payload(await MutateAsync("scoreInspection", score, office, "inspection { id score } errors { code }"), "scoreInspection");
        Assert.Equal(scored.GetProperty("inspection").GetProperty("id").GetString(), rescored.GetProperty("inspection").GetProperty("id").GetString());
        Assert.Equal(before, await EventsAsync());
    }

    [Fact]
    public async Task refused_callers_get_forbidden_and_nothing_is_appended()
    {
        var office = await OfficeAsync();
        var contractor = await ContractorAsync();
        var leader = await demo.LoginAsync("leader-wang", "leader-demo");
        var auditor = await demo.LoginAsync("auditor-he", "auditor-demo");
        var own = await RaisedAsync(contractor);
        // A problem on zjdd handed to another unit: the contractor may not accept it.
        Succeeded(await MutateAsync("assignProblem", new { idempotencyKey = Key(), problemId = own, unitId = "Unit:区城市管理局" }, office), "assignProblem");

        (string Name, object Input, string Token)[] refused =
        [
            ("raiseProblem", new { idempotencyKey = Key(), projectId = "Project:zjdd", category = "OTHER", description = "领导上报" }, leader),
            ("raiseProblem", new { idempotencyKey = Key(), projectId = "Project:dslh", category = "OTHER", description = "别的项目" }, contractor),
            ("raiseProblem", new { idempotencyKey = Key(), projectId = "Project:zjdd", category = "OTHER", description = "审计上报" }, auditor),
            ("assignProblem", new { idempotencyKey = Key(), problemId = own, unitId = $"Unit:{ContractorUnit}" }, contractor),
            ("acceptProblem", new { idempotencyKey = Key(), problemId = own }, contractor),
            ("acceptProblem", new { idempotencyKey = Key(), problemId = own }, leader),
            ("handleProblem", new { idempotencyKey = Key(), problemId = own, note = "x" }, auditor),
            ("closeProblem", new { idempotencyKey = Key(), problemId = own, evidence = "x" }, contractor),
            ("reopenProblem", new { idempotencyKey = Key(), problemId = own, reason = "x" }, leader),
            ("scoreInspection", new { idempotencyKey = Key(), projectId = "Project:zjdd", inspectedOn = "2026-11-20", score = 90m }, contractor),
        ];
        foreach (var (name, input, token) in refused)
        {
            var before = await EventsAsync();
            var response = await MutateAsync(name, input, token, name == "scoreInspection" ? "inspection { id } errors { code }" : null);
            Assert.True(Code(response) == "FORBIDDEN", $"{name}: {response}");
            Assert.Equal(JsonValueKind.Null, response.GetProperty("data").ValueKind);
            Assert.Equal(before, await EventsAsync());
        }

        var anonymous = await demo.PostAsync("mutation($input: ProblemStepInput!) { acceptProblem(input: $input) { errors { code } } }",
            new { input = new { idempotencyKey = Key(), problemId = own } });
        Assert.Equal("UNAUTHENTICATED", Code(anonymous));
    }

    [Fact]
    public async Task invalid_input_is_answered_with_the_rule_and_the_field_it_is_about()
    {
        var office = await OfficeAsync();
        var contractor = await ContractorAsync();
        var problem = await RaisedAsync(contractor);
        var before = await EventsAsync();

        Assert.Equal("REQUIRED at input.description",
            Error(await MutateAsync("raiseProblem", new { idempotencyKey = Key(), projectId = "Project:zjdd", category = "OTHER", description = " " }, contractor), "raiseProblem"));
        Assert.Equal("PROJECT_NOT_FOUND at input.projectId",
            Error(await MutateAsync("raiseProblem", new { idempotencyKey = Key(), projectId = "Project:nope", category = "OTHER", description = "x" }, office), "raiseProblem"));
        Assert.Equal("PROBLEM_WRONG_STAGE at input.problemId",
            Error(await MutateAsync("acceptProblem", new { idempotencyKey = Key(), problemId = problem }, office), "acceptProblem"));
        Assert.Equal("PROBLEM_NOT_FOUND at input.problemId",
            Error(await MutateAsync("closeProblem", new { idempotencyKey = Key(), problemId = "Problem:nope", evidence = "x" }, office), "closeProblem"));
        Assert.Equal("DEADLINE_IN_PAST at input.deadline",
            Error(await MutateAsync("assignProblem", new { idempotencyKey = Key(), problemId = problem, unitId = $"Unit:{ContractorUnit}", deadline = "2026-11-01" }, office), "assignProblem"));
        Assert.Equal("IDEMPOTENCY_KEY_INVALID at input.idempotencyKey",
            Error(await MutateAsync("assignProblem", new { idempotencyKey = "", problemId = problem, unitId = $"Unit:{ContractorUnit}" }, office), "assignProblem"));
        Assert.Equal(before, await EventsAsync());

        Succeeded(await MutateAsync("assignProblem", new { idempotencyKey = Key(), problemId = problem, unitId = $"Unit:{ContractorUnit}" }, office), "assignProblem");
        Succeeded(await MutateAsync("acceptProblem", new { idempotencyKey = Key(), problemId = problem }, contractor), "acceptProblem");
        before = await EventsAsync();
        Assert.Equal("REQUIRED at input.note",
            Error(await MutateAsync("handleProblem", new { idempotencyKey = Key(), problemId = problem }, contractor), "handleProblem"));
        Succeeded(await MutateAsync("handleProblem", new { idempotencyKey = Key(), problemId = problem, note = "已处理" }, contractor), "handleProblem");
        Assert.Equal("REQUIRED at input.evidence",
            Error(await MutateAsync("closeProblem", new { idempotencyKey = Key(), problemId = problem, evidence = "" }, office), "closeProblem"));
        Assert.Equal(before + 1, await EventsAsync());

        const string Inspection = "inspection { id } errors { code message field }";
        Assert.Equal("SCORE_OUT_OF_RANGE at input.score", Error(await MutateAsync("scoreInspection",
            new { idempotencyKey = Key(), projectId = "Project:zjdd", inspectedOn = "2026-11-20", score = 101m }, office, Inspection), "scoreInspection"));
        Assert.Equal("DATE_IN_FUTURE at input.inspectedOn", Error(await MutateAsync("scoreInspection",
            new { idempotencyKey = Key(), projectId = "Project:zjdd", inspectedOn = "2026-12-20", score = 80m }, office, Inspection), "scoreInspection"));
    }

    [Fact]
    public async Task an_inspection_scored_by_the_office_is_listed_on_its_project()
    {
        var office = await OfficeAsync();
        var payload = Payload(await MutateAsync("scoreInspection",
            new { idempotencyKey = Key(), projectId = "Project:dslh", inspectedOn = "2026-11-21", score = 92.5m, remarks = "现场观摩：河道疏浚进展良好" },
            office, "inspection { id score inspectedOn remarks inspector project { id } } errors { code }"), "scoreInspection");
        var inspection = payload.GetProperty("inspection");

        Assert.Equal(92.5m, Amount(inspection.GetProperty("score")));
        Assert.Equal("office-zhou", inspection.GetProperty("inspector").GetString());
        Assert.Equal("Project:dslh", inspection.GetProperty("project").GetProperty("id").GetString());
        var listed = await demo.PostAsync("""{ project(id: "Project:dslh") { inspections { id remarks } } }""", token: office);
        Assert.Contains(listed.GetProperty("data").GetProperty("project").GetProperty("inspections").EnumerateArray(),
            i => i.GetProperty("id").GetString() == inspection.GetProperty("id").GetString() && i.GetProperty("remarks").GetString() == "现场观摩：河道疏浚进展良好");
    }
}
