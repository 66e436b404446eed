using System.Security.Cryptography;
using System.Text;
using KeyWorks.Domain;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Projects;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.Server.Api;

/// <summary>
/// The problem mutations under the 1-6-10 rule (raise, assign, accept, handle, close, reopen) and <c>scoreInspection</c>,
/// on <see cref="MutationPipeline"/>. Who may: raise — the office, or a contractor of the project; assign, close, reopen and
/// score — the office; accept and handle — the office, or a contractor whose unit the problem was assigned to and who
/// works on its project. Everyone else is refused with <c>FORBIDDEN</c> before anything is run.
/// </summary>
public static class ProblemMutations
{
    /// <summary>The longest title taken from a description's first line.</summary>
    private const int TitleLength = 40;

    public static SchemaBuilder BindProblemMutations(this SchemaBuilder schema) => schema
        .BindMutation("Mutation.raiseProblem", RaiseAsync)
        .BindMutation("Mutation.assignProblem", AssignAsync)
        .BindMutation("Mutation.acceptProblem", AcceptAsync)
        .BindMutation("Mutation.handleProblem", HandleAsync)
        .BindMutation("Mutation.closeProblem", CloseAsync)
        .BindMutation("Mutation.reopenProblem", ReopenAsync)
        .BindMutation("Mutation.scoreInspection", ScoreInspectionAsync);

    /// <summary>
    /// Raises a problem. Its id comes from the user and the idempotency key, so a repeat lands on the same stream and is
    /// answered with the first run; its title is the description's first line, cut to 40 characters.
    /// </summary>
    private static async Task<object?> RaiseAsync(MutationContext m)
    {
        m.RequireRole(Role.Office, Role.Contractor);
        var project = m.RequireProject("projectId");
        if (m.User.Role == Role.Contractor)
        {
            m.RequireContractorOf(project);
        }

        var category = Enum.Parse<ProblemCategory>(m.Get<string>("category")!, ignoreCase: true);
        var description = m.RequireText("description");
        var title = description.Split('\n', 2)[0].Trim();
        var problemId = IdFor("problem-", m.User.UserId, m.IdempotencyKey);
        await m.ExecuteAsync(new RaiseProblem(problemId, project.Id, category, title.Length > TitleLength ? title[..TitleLength] : title, description),
            new Dictionary<string, string> { ["title"] = "description" });
        return Payload(m, problemId);
    }

    /// <summary>交办: hands the problem to a unit; the deadline defaults to 10 days on (1-6-10).</summary>
    private static async Task<object?> AssignAsync(MutationContext m)
    {
        m.RequireRole(Role.Office);
        var problem = RequireProblem(m);
        var unit = m.RequireId("unitId", "Unit");
        await m.ExecuteAsync(new AssignProblem(problem.Id, unit, m.Get<DateOnly?>("deadline")), new Dictionary<string, string> { ["unit"] = "unitId" });
        return Payload(m, problem.Id);
    }

    /// <summary>受理, with the unit's note when it gives one (kept on the event, shown on the stage's clock).</summary>
    private static async Task<object?> AcceptAsync(MutationContext m)
    {
        var problem = RequireStepper(m);
        await m.ExecuteAsync(new AcceptProblem(problem.Id, m.Get<string>("note")));
        return Payload(m, problem.Id);
    }

    /// <summary>办理: the note says what was done and is required (<c>REQUIRED</c> at <c>note</c>).</summary>
    private static async Task<object?> HandleAsync(MutationContext m)
    {
        var problem = RequireStepper(m);
        await m.ExecuteAsync(new HandleProblem(problem.Id, m.Get<string>("note")?.Trim() ?? ""), new Dictionary<string, string> { ["action"] = "note" });
        return Payload(m, problem.Id);
    }

    /// <summary>办结销号 with evidence.</summary>
    private static async Task<object?> CloseAsync(MutationContext m)
    {
        m.RequireRole(Role.Office);
        var problem = RequireProblem(m);
        await m.ExecuteAsync(new CloseProblem(problem.Id, m.Get<string>("evidence")?.Trim() ?? ""));
        return Payload(m, problem.Id);
    }

    /// <summary>Reopens a handled or closed problem: it is assigned again to the same unit, its clocks restarting with a new 10-day deadline.</summary>
    private static async Task<object?> ReopenAsync(MutationContext m)
    {
        m.RequireRole(Role.Office);
        var problem = RequireProblem(m);
        await m.ExecuteAsync(new ReopenProblem(problem.Id, m.Get<string>("reason")?.Trim() ?? ""));
        return Payload(m, problem.Id);
    }

    /// <summary>观摩评价: a score of 0–100 on a date not in the future; the inspection's id comes from the user and the key.</summary>
    private static async Task<object?> ScoreInspectionAsync(MutationContext m)
    {
        m.RequireRole(Role.Office);
        var project = m.RequireProject("projectId");
        var inspectionId = IdFor("insp-", m.User.UserId, m.IdempotencyKey);
        await m.ExecuteAsync(new ScoreInspection(project.Id, inspectionId, m.Get<DateOnly>("inspectedOn"), m.Get<decimal>("score"),
            m.Get<string>("remarks")?.Trim() ?? ""));
        var scored = m.Model.Projects.TryGetValue(project.Id, out var view) ? view.State : project;
        return new Dictionary<string, object?>
        {
            ["inspection"] = scored.Inspections.FirstOrDefault(i => i.InspectionId == inspectionId) is { } inspection
                ? new InspectionResult(m.Model, scored, inspection, m.Today)
                : null,
        };
    }

    /// <summary>The problem of the input's <c>problemId</c>; <c>PROBLEM_NOT_FOUND</c> at that path when there is none.</summary>
    private static ProblemState RequireProblem(MutationContext m)
    {
        var id = m.RequireId("problemId", "Problem");
        return m.Model.Problems.TryGetValue(id, out var problem)
            ? problem
            : throw MutationRejected.At(ErrorCodes.ProblemNotFound, $"No problem {id} (问题不存在).", "problemId");
    }

    /// <summary>The problem to accept or handle: the office, or a contractor of its project in the unit it was assigned to.</summary>
    private static ProblemState RequireStepper(MutationContext m)
    {
        m.RequireRole(Role.Office, Role.Contractor);
        var problem = RequireProblem(m);
        if (m.User.Role == Role.Contractor
            && (problem.Unit != m.User.Unit || !m.Model.Projects.TryGetValue(problem.ProjectId, out var view) || !m.IsContractorOf(view.State)))
        {
            throw MutationContext.Forbidden("Only the unit the problem was assigned to may accept and handle it (非交办单位，无权操作).");
        }

        return problem;
    }

    /// <summary>A new record's id: the prefix and 12 hex digits of SHA-256 over the user and the idempotency key.</summary>
    private static string IdFor(string prefix, string userId, string key) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{key}")))[..12];

    /// <summary><c>ProblemPayload</c>: the problem as it is now, its clocks at the server's time.</summary>
    private static Dictionary<string, object?> Payload(MutationContext m, string problemId) => new()
    {
        ["problem"] = m.Model.Problems.TryGetValue(problemId, out var problem)
            ? new ProblemResult(m.Model, problem, m.Today, ApiClock.Of(m.Field).Time.GetUtcNow())
            : null,
    };
}
