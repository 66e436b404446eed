using System.Text.Json;
using KeyWorks.Server.Auth;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Api.Mutations;

/// <summary>Idempotent retries, field-level validation, and what a report leaves in the project's detail and history.</summary>
[Collection(MutationServer.Name)]
public sealed class reporting_and_confirming(DemoServer demo)
{
    private const string ReportFields = """
        report { __typename id kind status submittedBy submittedAt decidedBy decidedAt rejectionReason project { id }
          ... on InvestmentReport { month amount cumulative note isCorrection } }
        errors { code message field }
        """;

    private readonly Scenario _scenario = new(demo);

    [Fact]
    public async Task a_repeated_idempotency_key_returns_the_first_payload_and_appends_nothing()
    {
        var project = await _scenario.FreshProjectAsync(contractorsOwn: true);
        var input = new { idempotencyKey = Scenario.Key(), projectId = project, month = Scenario.LastMonth(), amount = 3_000_000m };
        var document = Scenario.Document("reportInvestment", "ReportInvestmentInput", ReportFields);

        var before = await _scenario.EventCountAsync();
        var first = await _scenario.PostAsync(Caller.OwnContractor, document, new { input });
        var afterFirst = await _scenario.EventCountAsync();
        var repeat = await _scenario.PostAsync(Caller.OwnContractor, document, new { input });
        var afterRepeat = await _scenario.EventCountAsync();

        Assert.Equal(1, afterFirst - before);
        Assert.Equal(afterFirst, afterRepeat);
        Assert.Equal(0, first.GetProperty("data").GetProperty("reportInvestment").GetProperty("errors").GetArrayLength());
        Assert.Equal(first.GetProperty("data").GetRawText(), repeat.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task registering_twice_with_one_key_registers_one_project()
    {
        var programme = (await _scenario.PostAsync(Caller.Office, "{ programmes { id } }")).GetProperty("data").GetProperty("programmes")[0].GetProperty("id").GetString();
        var input = new
        {
            idempotencyKey = Scenario.Key(),
            programmeId = programme,
            name = "重复提交测试",
            category = "WATER",
            township = "高新街道",
            totalInvestment = 8_000_000m,
            plannedStart = "2026-05-01",
            plannedCompletion = "2027-05-01",
        };
        const string Selection = "project { id name totalProjects: programme { projectCount } } errors { code }";

        var first = await _scenario.MutateAsync(Caller.Office, "registerProject", "RegisterProjectInput", input, Selection);
        var repeat = await _scenario.MutateAsync(Caller.Office, "registerProject", "RegisterProjectInput", input, Selection);

        Assert.Equal(first.GetRawText(), repeat.GetRawText());
        var named = (await _scenario.PostAsync(Caller.Office, """{ projects(first: 100, filter: {text: "重复提交测试"}) { totalCount } }"""))
            .GetProperty("data").GetProperty("projects").GetProperty("totalCount").GetInt32();
        Assert.Equal(1, named);
    }

    [Fact]
    public async Task a_negative_amount_is_a_user_error_at_its_input_field_and_appends_nothing()
    {
        var project = await _scenario.FreshProjectAsync(contractorsOwn: true);
        var before = await _scenario.EventCountAsync();

        var response = await _scenario.PostAsync(Caller.OwnContractor, Scenario.Document("reportInvestment", "ReportInvestmentInput", ReportFields),
            new { input = new { idempotencyKey = Scenario.Key(), projectId = project, month = Scenario.LastMonth(), amount = -5m } });

        var payload = response.GetProperty("data").GetProperty("reportInvestment");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("report").ValueKind);
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal("NEGATIVE_AMOUNT", error.GetProperty("code").GetString());
        Assert.Equal(["input", "amount"], error.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(before, await _scenario.EventCountAsync());
    }

    [Fact]
    public async Task a_cumulative_that_does_not_add_up_is_a_user_error_at_cumulative()
    {
        var project = await _scenario.FreshProjectAsync(contractorsOwn: true);

        var response = await _scenario.PostAsync(Caller.OwnContractor, Scenario.Document("reportInvestment", "ReportInvestmentInput"),
            new { input = new { idempotencyKey = Scenario.Key(), projectId = project, month = Scenario.LastMonth(), amount = 100m, cumulative = 99m } });

        var error = response.GetProperty("data").GetProperty("reportInvestment").GetProperty("errors")[0];
        Assert.Equal("CUMULATIVE_MISMATCH", error.GetProperty("code").GetString());
        Assert.Equal(["input", "cumulative"], error.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task a_node_moved_before_the_previous_one_is_a_user_error_at_planned_date()
    {
        var project = await _scenario.FreshProjectAsync(contractorsOwn: true);
        var year = SuiteClock.Today.Year;
        await _scenario.MutateAsync(Caller.Office, "planNode", "PlanNodeInput",
            new { idempotencyKey = Scenario.Key(), projectId = project, kind = "LAND_HANDOVER", plannedDate = $"{year + 1}-03-31" });
        var before = await _scenario.EventCountAsync();

        var response = await _scenario.PostAsync(Caller.Office, Scenario.Document("replanNode", "ReplanNodeInput", "node { id } errors { code message field }"),
            new { input = new { idempotencyKey = Scenario.Key(), nodeId = MutationCases.NodeId(project, "land"), plannedDate = $"{year}-01-01", reason = "提前" } });

        var payload = response.GetProperty("data").GetProperty("replanNode");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("node").ValueKind);
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal("NODE_DATE_BEFORE_PREVIOUS", error.GetProperty("code").GetString());
        Assert.Equal(["input", "plannedDate"], error.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(before, await _scenario.EventCountAsync());
    }

    [Fact]
    public async Task a_confirmed_report_shows_in_the_project_with_who_and_when_and_in_its_history()
    {
        var project = await _scenario.FreshProjectAsync(contractorsOwn: true);
        var reported = await _scenario.MutateAsync(Caller.OwnContractor, "reportInvestment", "ReportInvestmentInput",
            new { idempotencyKey = Scenario.Key(), projectId = project, month = Scenario.LastMonth(), amount = 4_000_000m, note = "含设备款" }, ReportFields);
        var reportId = reported.GetProperty("report").GetProperty("id").GetString()!;
        Assert.Equal("PENDING", reported.GetProperty("report").GetProperty("status").GetString());

        var confirmed = await _scenario.MutateAsync(Caller.Office, "confirmReport", "ConfirmReportInput", new { idempotencyKey = Scenario.Key(), reportId }, ReportFields);

        var report = confirmed.GetProperty("report");
        var office = UserAccounts.DemoUsers.First(u => u.Account.Role == Domain.Role.Office).Account.UserId;
        var contractor = UserAccounts.DemoUsers.First(u => u.Account.Role == Domain.Role.Contractor).Account.UserId;
        Assert.Equal(reportId, report.GetProperty("id").GetString());
        Assert.Equal("CONFIRMED", report.GetProperty("status").GetString());
        Assert.Equal(office, report.GetProperty("decidedBy").GetString());
        Assert.Equal(contractor, report.GetProperty("submittedBy").GetString());
        Assert.Equal(4_000_000m, Scenario.Amount(report.GetProperty("amount")));

        var detail = (await _scenario.PostAsync(Caller.Office, """
            query($id: ID!) { project(id: $id) {
              annualPlan { total monthly revision }
              pending: reports(status: PENDING) { totalCount }
              confirmed: reports(status: CONFIRMED) { totalCount nodes { id } }
              history(first: 2) { totalCount edges { node { type recordedBy recordedAt summary data } } pageInfo { hasNextPage } }
            } }
            """, new { id = project })).GetProperty("data").GetProperty("project");
        Assert.Equal(12_000_000m, Scenario.Amount(detail.GetProperty("annualPlan").GetProperty("total")));
        Assert.Equal(0, detail.GetProperty("pending").GetProperty("totalCount").GetInt32());
        Assert.Equal(reportId, detail.GetProperty("confirmed").GetProperty("nodes")[0].GetProperty("id").GetString());
        var history = detail.GetProperty("history");
        // Registered, responsibility assigned, node planned, plan set, reported, confirmed: newest first.
        Assert.Equal(6, history.GetProperty("totalCount").GetInt32());
        Assert.True(history.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var newest = history.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(["InvestmentReportConfirmed", "InvestmentReported"], newest.Select(n => n.GetProperty("type").GetString()));
        Assert.Equal([office, contractor], newest.Select(n => n.GetProperty("recordedBy").GetString()));

        var byNode = (await _scenario.PostAsync(Caller.Auditor, "query($id: ID!) { node(id: $id) { ... on InvestmentReport { status amount } } }", new { id = reportId }))
            .GetProperty("data").GetProperty("node");
        Assert.Equal("CONFIRMED", byNode.GetProperty("status").GetString());
    }

    [Fact]
    public async Task a_rejected_report_can_be_reported_again_and_keeps_its_reason()
    {
        var project = await _scenario.FreshProjectAsync(contractorsOwn: true);
        var input = new { projectId = project, month = Scenario.LastMonth(), amount = 700_000m };
        var first = await _scenario.MutateAsync(Caller.OwnContractor, "reportInvestment", "ReportInvestmentInput",
            new { idempotencyKey = Scenario.Key(), input.projectId, input.month, input.amount }, ReportFields);
        var firstId = first.GetProperty("report").GetProperty("id").GetString()!;
        await _scenario.MutateAsync(Caller.Office, "rejectReport", "RejectReportInput", new { idempotencyKey = Scenario.Key(), reportId = firstId, reason = "缺少监理签认" });

        var again = await _scenario.MutateAsync(Caller.OwnContractor, "reportInvestment", "ReportInvestmentInput",
            new { idempotencyKey = Scenario.Key(), input.projectId, input.month, amount = 650_000m }, ReportFields);

        var reports = (await _scenario.PostAsync(Caller.OwnContractor, "query($id: ID!) { project(id: $id) { reports { nodes { id status rejectionReason } } } }", new { id = project }))
            .GetProperty("data").GetProperty("project").GetProperty("reports").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal([again.GetProperty("report").GetProperty("id").GetString(), firstId], reports.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["PENDING", "REJECTED"], reports.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("缺少监理签认", reports[1].GetProperty("rejectionReason").GetString());
    }
}
