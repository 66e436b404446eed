using KeyWorks.Server.Auth;
using KeyWorks.Testing;
using static KeyWorks.Server.Tests.Api.Mutations.Caller;

namespace KeyWorks.Server.Tests.Api.Mutations;

/// <summary>
/// The role matrix's table: one row per mutation of the contract. <c>every_mutation_has_a_row</c> fails when the served
/// schema has a mutation without a row here, so a new mutation comes with its allowed and denied callers.
/// </summary>
public static class MutationCases
{
    private static readonly Caller[] OfficeOnly = [Office];
    private static readonly Caller[] OwnContractorOnly = [OwnContractor];

    public static readonly IReadOnlyDictionary<string, MutationCase> All = new Dictionary<string, MutationCase>(StringComparer.Ordinal)
    {
        ["login"] = MutationCase.For([Office, Leader, OwnContractor, ForeignContractor, Auditor, Anonymous], run =>
        {
            var (account, password) = UserAccounts.DemoUsers[0];
            return Task.FromResult(new MutationRequest(
                "mutation($input: LoginInput!) { login(input: $input) { token errors { code message field } } }",
                new { username = account.UserName, password }));
        }) with { Appends = false },

        ["registerProject"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("registerProject", "RegisterProjectInput"),
            new
            {
                idempotencyKey = CaseRun.Key(),
                programmeId = (await run.Scenario.PostAsync(Office, "{ programmes { id } }")).GetProperty("data").GetProperty("programmes")[0].GetProperty("id").GetString(),
                name = "矩阵测试项目",
                category = "BRIDGE",
                township = "高新街道",
                totalInvestment = 10_000_000m,
                plannedStart = "2026-03-01",
                plannedCompletion = "2027-06-30",
            })),

        ["amendProject"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("amendProject", "AmendProjectInput"),
            new { idempotencyKey = CaseRun.Key(), projectId = await run.ProjectAsync(), scale = $"全长{Random.Shared.Next(900, 990)}米", reason = "设计变更" })),

        ["setAnnualPlan"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("setAnnualPlan", "SetAnnualPlanInput"),
            new { idempotencyKey = CaseRun.Key(), projectId = await run.ProjectAsync(), year = SuiteClock.Today.Year + 1, monthly = Enumerable.Repeat(500_000m, 12).ToArray() })),

        ["planNode"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("planNode", "PlanNodeInput"),
            new { idempotencyKey = CaseRun.Key(), projectId = await run.ProjectAsync(), kind = "CUSTOM", name = "箱涵主体完工", plannedDate = "2035-12-31" })),

        ["replanNode"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("replanNode", "ReplanNodeInput"),
            new { idempotencyKey = CaseRun.Key(), nodeId = NodeId(await run.ProjectAsync(), "permits"), plannedDate = $"{SuiteClock.Today.Year}-12-30", reason = "审批延后" })),

        ["reportNodeReached"] = MutationCase.For(OwnContractorOnly, async run => new MutationRequest(
            Scenario.Document("reportNodeReached", "ReportNodeReachedInput"),
            new { idempotencyKey = CaseRun.Key(), nodeId = NodeId(await run.ProjectAsync(), "permits"), reachedOn = Scenario.Today() })),

        ["reportInvestment"] = MutationCase.For(OwnContractorOnly, async run => new MutationRequest(
            Scenario.Document("reportInvestment", "ReportInvestmentInput"),
            new { idempotencyKey = CaseRun.Key(), projectId = await run.ProjectAsync(), month = Scenario.LastMonth(), amount = 1_500_000m })),

        ["reportProgress"] = MutationCase.For(OwnContractorOnly, async run => new MutationRequest(
            Scenario.Document("reportProgress", "ReportProgressInput"),
            new { idempotencyKey = CaseRun.Key(), projectId = await run.ProjectAsync(), month = Scenario.LastMonth(), percent = 12.5m, narrative = "路基施工完成30%" })),

        ["confirmReport"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("confirmReport", "ConfirmReportInput"),
            new { idempotencyKey = CaseRun.Key(), reportId = await run.OnceAsync("report", run.Scenario.PendingReportAsync) })),

        ["rejectReport"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("rejectReport", "RejectReportInput"),
            new { idempotencyKey = CaseRun.Key(), reportId = await run.OnceAsync("report", run.Scenario.PendingReportAsync), reason = "金额与监理签认不符" })),

        ["raiseProblem"] = MutationCase.For([Office, OwnContractor], async run => new MutationRequest(
            Scenario.Document("raiseProblem", "RaiseProblemInput"),
            new { idempotencyKey = CaseRun.Key(), projectId = await run.ProjectAsync(), category = "UTILITIES", description = "施工便道与燃气管线交叉" })),

        ["assignProblem"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("assignProblem", "AssignProblemInput"),
            new { idempotencyKey = CaseRun.Key(), problemId = await ProblemSteps.RaisedAsync(run), unitId = $"Unit:{Scenario.ContractorUnit}" })),

        ["acceptProblem"] = MutationCase.For([Office, OwnContractor], async run => new MutationRequest(
            Scenario.Document("acceptProblem", "ProblemStepInput"),
            new { idempotencyKey = CaseRun.Key(), problemId = await ProblemSteps.AssignedAsync(run) })),

        ["handleProblem"] = MutationCase.For([Office, OwnContractor], async run => new MutationRequest(
            Scenario.Document("handleProblem", "ProblemStepInput"),
            new { idempotencyKey = CaseRun.Key(), problemId = await ProblemSteps.AcceptedAsync(run), note = "已调整施工方案" })),

        ["closeProblem"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("closeProblem", "CloseProblemInput"),
            new { idempotencyKey = CaseRun.Key(), problemId = await ProblemSteps.HandledAsync(run), evidence = "现场复核记录" })),

        ["reopenProblem"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("reopenProblem", "ReopenProblemInput"),
            new { idempotencyKey = CaseRun.Key(), problemId = await ProblemSteps.ClosedAsync(run), reason = "复查未通过" })),

        ["scoreInspection"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("scoreInspection", "ScoreInspectionInput"),
            new { idempotencyKey = CaseRun.Key(), projectId = await run.ProjectAsync(), inspectedOn = Scenario.Today(), score = 87.5m, remarks = "月度观摩" })),

        ["generateBulletin"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("generateBulletin", "GenerateBulletinInput"),
            new { idempotencyKey = CaseRun.Key(), programmeId = await BulletinScenario.ProgrammeIdAsync(run.Scenario), month = BulletinScenario.ClosedMonth() }))
            with { Appends = false },

        ["publishBulletin"] = MutationCase.For(OfficeOnly, async run => new MutationRequest(
            Scenario.Document("publishBulletin", "PublishBulletinInput"),
            new
            {
                idempotencyKey = CaseRun.Key(),
                bulletinId = await run.OnceAsync("drafted-bulletin", () => BulletinScenario.DraftedAsync(run.Scenario, leaderId: null)),
                recommendations = "一、加快征迁交地。",
            }))
            with { Appends = false },
    };

    /// <summary>The global id of a project's node.</summary>
    public static string NodeId(string projectId, string nodeId) => $"ProjectNode:{projectId["Project:".Length..]}/{nodeId}";
}
