using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Problems;

namespace KeyWorks.Domain.ReadModels;

/// <summary>A problem on the board with its 1-6-10 clocks at the board's time.</summary>
public sealed record ProblemCard(
    string ProblemId,
    string ProjectId,
    string ProjectName,
    string Title,
    ProblemCategory Category,
    ProblemStage Stage,
    string? Unit,
    DateOnly? Deadline,
    DateTimeOffset RaisedAt,
    ProblemClockSet? Clocks,
    IReadOnlyList<ProblemStage> OverdueStages,
    IReadOnlyList<ProblemStage> EscalatedStages,
    string LeaderName,
    int Reopened,
    string? Action,
    string? Evidence);

/// <summary>问题清单: the cards and the counts the bulletin quotes ("交办194起, 办结销号184起").</summary>
public sealed record ProblemBoard(
    DateTimeOffset At,
    IReadOnlyList<ProblemCard> Cards,
    int Raised,
    int Assigned,
    int Closed,
    int Open,
    int Overdue,
    int Escalated);

public static class ProblemBoards
{
    public static ProblemBoard Build(KeyWorksReadModel model, DateTimeOffset at, FigureOptions? options = null, string? projectId = null)
    {
        options ??= FigureOptions.Default;
        var cards = model.Problems.Values
            .Where(p => projectId is null || p.ProjectId == projectId)
            .Select(p => Card(model, p, at, options))
            .OrderByDescending(c => c.OverdueStages.Count)
            .ThenBy(c => c.RaisedAt)
            .ThenBy(c => c.ProblemId, StringComparer.Ordinal)
            .ToList();
        return new ProblemBoard(at, cards,
            cards.Count,
            cards.Count(c => c.Stage != ProblemStage.Raised),
            cards.Count(c => c.Stage == ProblemStage.Closed),
            cards.Count(c => c.Stage != ProblemStage.Closed),
            cards.Count(c => c.OverdueStages.Count > 0),
            cards.Count(c => c.EscalatedStages.Count > 0));
    }

    /// <summary>The escalations a scheduled job should issue now: one command per problem with a late, unescalated stage.</summary>
    public static IReadOnlyList<EscalateProblem> DueForEscalation(KeyWorksReadModel model, DateTimeOffset at, FigureOptions? options = null) =>
        [.. model.Problems.Values
            .Where(p => ProblemClocks.ToEscalate(p, at, (options ?? FigureOptions.Default).Clocks).Count > 0)
            .Select(p => new EscalateProblem(p.Id))];

    public static ProblemCard Card(KeyWorksReadModel model, ProblemState problem, DateTimeOffset at, FigureOptions options)
    {
        var project = model.Projects.GetValueOrDefault(problem.ProjectId)?.State;
        var clocks = ProblemClocks.At(problem, at, options.Clocks);
        var overdue = clocks?.RunningLate.Select(c => c.Stage).ToList() ?? [];
        return new ProblemCard(problem.Id, problem.ProjectId, project?.Details.Name ?? problem.ProjectId, problem.Title, problem.Category,
            problem.Stage, problem.Unit, problem.Deadline, problem.RaisedAt, clocks, overdue, problem.EscalatedStages,
            project?.Responsibility?.LeaderName ?? "", problem.Reopened, problem.Action, problem.Evidence);
    }
}
