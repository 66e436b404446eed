using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.ReadModels;

namespace KeyWorks.Domain.Rankings;

public enum Flag
{
    None,
    Red,
    Black,
}

/// <summary>What a ranking is computed from, summed over a project or a unit's projects.</summary>
public sealed record RankingInputs(
    decimal PlannedToDate,
    decimal AnnualCompleted,
    int NodesDue,
    int NodesMet,
    int ProblemsDue,
    int ProblemsClosedOnTime,
    IReadOnlyList<decimal> InspectionScores)
{
    public static RankingInputs operator +(RankingInputs a, RankingInputs b) => new(
        a.PlannedToDate + b.PlannedToDate, a.AnnualCompleted + b.AnnualCompleted, a.NodesDue + b.NodesDue, a.NodesMet + b.NodesMet,
        a.ProblemsDue + b.ProblemsDue, a.ProblemsClosedOnTime + b.ProblemsClosedOnTime, [.. a.InspectionScores, .. b.InspectionScores]);
}

/// <summary>A ranked entry: the four components (0–100; inspection absent when none was scored) and the weighted score.</summary>
public sealed record RankingEntry(
    int Rank,
    string Key,
    string Name,
    decimal Completion,
    decimal Punctuality,
    decimal ProblemClosing,
    decimal? Inspection,
    decimal Score,
    Flag Flag);

public sealed record RankingTable(string Period, DateOnly From, DateOnly To, IReadOnlyList<RankingEntry> Projects, IReadOnlyList<RankingEntry> Units);

/// <summary>
/// 月排名 and 季评. Components, each 0–100:
/// completion = min(1, annual completed / planned to date) × 100 (= 投资完成率 / 序时进度), 100 when nothing was planned yet;
/// punctuality = nodes met / nodes due × 100; problem closing = problems closed within their close clock / problems whose
/// close clock ran out by the period end × 100 (100 when none was due); inspection = mean of the period's inspection scores.
/// score = Σ weight × component / Σ weights of the components present (inspection drops out when there was none).
/// Ties are ordered by key. A unit's inputs are the sums over its projects.
/// </summary>
public static class RankingCalculator
{
    public static RankingTable Monthly(KeyWorksReadModel model, YearMonth month, FigureOptions? options = null, Func<ProjectState, bool>? filter = null) =>
        Build(model, $"{month.Year}年{month.Month}月", month.FirstDay, month.LastDay, options ?? FigureOptions.Default, filter);

    public static RankingTable Quarterly(KeyWorksReadModel model, int year, int quarter, FigureOptions? options = null, Func<ProjectState, bool>? filter = null)
    {
        var first = new YearMonth(year, (quarter - 1) * 3 + 1);
        return Build(model, $"{year}年第{quarter}季度", first.FirstDay, first.AddMonths(2).LastDay, options ?? FigureOptions.Default, filter);
    }

    public static RankingTable Build(KeyWorksReadModel model, string period, DateOnly from, DateOnly to, FigureOptions options, Func<ProjectState, bool>? filter)
    {
        var projects = model.Projects.Values.Select(v => v.State).Where(p => filter?.Invoke(p) ?? true).ToList();
        var inputs = projects.Select(p => (Project: p, Inputs: Inputs(model, p, from, to, options))).ToList();
        var projectRows = inputs.Select(x => (x.Project.Id, x.Project.Details.Name, x.Inputs));
        var unitRows = inputs
            .GroupBy(x => x.Project.Responsibility?.ResponsibleUnit ?? "", StringComparer.Ordinal)
            .Select(g => (g.Key, g.Key, g.Select(x => x.Inputs).Aggregate((a, b) => a + b)));
        return new RankingTable(period, from, to, Rank(projectRows, options.Ranking), Rank(unitRows, options.Ranking));
    }

    public static RankingInputs Inputs(KeyWorksReadModel model, ProjectState project, DateOnly from, DateOnly to, FigureOptions options)
    {
        var figures = ProjectFigureCalculator.Compute(project, to, options);
        var end = BusinessCalendar.EndOf(to);
        var clocks = model.ProblemsOf(project.Id)
            .Select(p => ProblemClocks.At(p, end, options.Clocks)?.Close)
            .OfType<StageClock>()
            .Where(c => c.Due <= end)
            .ToList();
        var scores = project.Inspections.Where(i => i.InspectedOn >= from && i.InspectedOn <= to).Select(i => i.Score).ToList();
        return new RankingInputs(figures.PlannedToDate, figures.AnnualCompleted, figures.NodesDue, figures.NodesMet,
            clocks.Count, clocks.Count(c => !c.Overdue), scores);
    }

    public static (decimal Completion, decimal Punctuality, decimal ProblemClosing, decimal? Inspection, decimal Score) Score(
        RankingInputs inputs, RankingFormula formula)
    {
        var completion = inputs.PlannedToDate == 0 ? 100m : Math.Min(1m, inputs.AnnualCompleted / inputs.PlannedToDate) * 100m;
        var punctuality = inputs.NodesDue == 0 ? 100m : 100m * inputs.NodesMet / inputs.NodesDue;
        var closing = inputs.ProblemsDue == 0 ? 100m : 100m * inputs.ProblemsClosedOnTime / inputs.ProblemsDue;
        decimal? inspection = inputs.InspectionScores.Count == 0 ? null : inputs.InspectionScores.Average();
        var weighted = formula.CompletionWeight * completion + formula.PunctualityWeight * punctuality
            + formula.ProblemClosingWeight * closing + formula.InspectionWeight * (inspection ?? 0m);
        var weights = formula.CompletionWeight + formula.PunctualityWeight + formula.ProblemClosingWeight
            + (inspection is null ? 0m : formula.InspectionWeight);
        return (R(completion), R(punctuality), R(closing), inspection is { } i ? R(i) : null, weights == 0 ? 0m : R(weighted / weights));
    }

    public static IReadOnlyList<RankingEntry> Rank(IEnumerable<(string Key, string Name, RankingInputs Inputs)> rows, RankingFormula formula)
    {
        var scored = rows
            .Select(r => (r.Key, r.Name, Parts: Score(r.Inputs, formula)))
            .OrderByDescending(r => r.Parts.Score)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var flagged = scored.Count > formula.RedFlags + formula.BlackFlags;
        return [.. scored.Select((r, i) => new RankingEntry(i + 1, r.Key, r.Name, r.Parts.Completion, r.Parts.Punctuality,
            r.Parts.ProblemClosing, r.Parts.Inspection, r.Parts.Score,
            !flagged ? Flag.None
            : i < formula.RedFlags ? Flag.Red
            : i >= scored.Count - formula.BlackFlags ? Flag.Black
            : Flag.None))];
    }

    private static decimal R(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
