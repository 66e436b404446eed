namespace KeyWorks.Server.Tests.Api.Mutations;

/// <summary>
/// Problems at a given stage for the role matrix, on the project the caller acts on (the demo contractor's fresh project,
/// or for a foreign contractor one it does not work on), assigned to the demo contractor's unit; each call makes a new one.
/// </summary>
public static class ProblemSteps
{
    private const string Selection = "problem { id } errors { code message field }";

    public static async Task<string> RaisedAsync(CaseRun run)
    {
        var payload = await run.Scenario.MutateAsync(Caller.Office, "raiseProblem", "RaiseProblemInput",
            new { idempotencyKey = CaseRun.Key(), projectId = await run.ProjectAsync(), category = "LAND", description = "临时用地手续未办结" }, Selection);
        return payload.GetProperty("problem").GetProperty("id").GetString()!;
    }

    public static async Task<string> AssignedAsync(CaseRun run)
    {
        var id = await RaisedAsync(run);
        await run.Scenario.MutateAsync(Caller.Office, "assignProblem", "AssignProblemInput",
            new { idempotencyKey = CaseRun.Key(), problemId = id, unitId = $"Unit:{Scenario.ContractorUnit}" }, Selection);
        return id;
    }

    public static async Task<string> AcceptedAsync(CaseRun run)
    {
        var id = await AssignedAsync(run);
        await Step(run, "acceptProblem", "ProblemStepInput", new { idempotencyKey = CaseRun.Key(), problemId = id });
        return id;
    }

    public static async Task<string> HandledAsync(CaseRun run)
    {
        var id = await AcceptedAsync(run);
        await Step(run, "handleProblem", "ProblemStepInput", new { idempotencyKey = CaseRun.Key(), problemId = id, note = "已协调办理" });
        return id;
    }

    public static async Task<string> ClosedAsync(CaseRun run)
    {
        var id = await HandledAsync(run);
        await Step(run, "closeProblem", "CloseProblemInput", new { idempotencyKey = CaseRun.Key(), problemId = id, evidence = "用地批复文件" });
        return id;
    }

    private static Task Step(CaseRun run, string field, string inputType, object input) =>
        run.Scenario.MutateAsync(Caller.Office, field, inputType, input, Selection);
}
