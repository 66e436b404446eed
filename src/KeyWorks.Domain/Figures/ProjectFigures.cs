using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Figures;

public enum StatusLight
{
    Green,
    Yellow,
    Red,
}

/// <summary>
/// A project's figures as of a date, from confirmed reports only. Amounts in yuan; rates in percent; gap in
/// percentage points (negative = behind 序时进度). Monthly amounts count through <see cref="ReportingMonth"/>.
/// </summary>
public sealed record ProjectFigures(
    string ProjectId,
    string Name,
    string ProgrammeId,
    ProjectCategory Category,
    string Township,
    string ResponsibleUnit,
    string LeaderId,
    string LeaderName,
    ProjectStatus Status,
    DateOnly AsOf,
    YearMonth ReportingMonth,
    decimal TotalInvestment,
    decimal AnnualPlan,
    decimal PlannedToDate,
    decimal AnnualCompleted,
    decimal CumulativeCompleted,
    decimal? AnnualCompletionRate,
    decimal? TotalCompletionRate,
    decimal? TimeProgress,
    decimal? ProgressGap,
    decimal? PhysicalPercent,
    string? PhysicalNarrative,
    bool ProgressMismatch,
    bool PlannedToStart,
    bool Started,
    int NodesDue,
    int NodesMet,
    int NodesOverdue,
    int MaxNodeOverdueDays,
    EarnedValue EarnedValue,
    StatusLight Light,
    IReadOnlyList<string> LightReasons);

public static class ProjectFigureCalculator
{
    public static ProjectFigures Compute(ProjectState project, DateOnly asOf, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        var details = project.Details;
        var month = BusinessCalendar.ReportingMonth(asOf);
        var year = month.Year;
        var plan = project.Plans.GetValueOrDefault(year);
        var annualPlan = plan?.Total ?? 0m;
        var plannedToDate = plan?.PlannedThrough(month) ?? 0m;
        var confirmed = project.Investment.Values.Where(m => m.Month <= month && m.ConfirmedInMonth is not null).ToList();
        var annualCompleted = confirmed.Where(m => m.Month.Year == year).Sum(m => m.ConfirmedInMonth!.Value);
        var cumulative = details.PriorCompletedInvestment + confirmed.Sum(m => m.ConfirmedInMonth!.Value);

        var annualRate = Percent.Of(annualCompleted, annualPlan);
        var totalRate = Percent.Of(cumulative, details.TotalInvestment);
        var timeProgress = Percent.Of(plannedToDate, annualPlan);
        var gap = annualRate is { } a && timeProgress is { } t ? a - t : (decimal?)null;

        var progress = project.Progress.Values.LastOrDefault(p => p.Month <= month && p.ConfirmedPercent is not null);
        var physical = progress?.ConfirmedPercent;
        var mismatch = physical is { } ph && totalRate is { } tr && Math.Abs(ph - tr) > options.ProgressMismatchPoints;

        var timeline = NodeFigures.Timeline(project, asOf);
        var (due, met) = NodeFigures.Punctuality(timeline, asOf);
        var overdue = timeline.Where(n => n.Status == NodeStatus.Overdue).ToList();
        var startNode = timeline.FirstOrDefault(n => n.NodeId == StandardNodes.Start);
        var plannedStart = startNode?.Deadline ?? details.PlannedStart;
        // Without a 开工建设 node, a project counts as started once its planned start has passed and investment is confirmed.
        var started = startNode is not null
            ? startNode.ReachedOn is not null
            : project.Status == ProjectStatus.Completed || (plannedStart <= asOf && cumulative > details.PriorCompletedInvestment);

        var (light, reasons) = project.Status == ProjectStatus.Completed
            ? (StatusLight.Green, (IReadOnlyList<string>)[])
            : StatusLights.Decide(gap, overdue, plannedStart, started, asOf, options.Lights);

        var responsibility = project.Responsibility;
        return new ProjectFigures(
            project.Id, details.Name, project.ProgrammeId, details.Category, details.Township,
            responsibility?.ResponsibleUnit ?? "", responsibility?.LeaderId ?? "", responsibility?.LeaderName ?? "",
            project.Status, asOf, month, details.TotalInvestment, annualPlan, plannedToDate, annualCompleted, cumulative,
            annualRate, totalRate, timeProgress, gap, physical, progress?.ConfirmedNarrative, mismatch,
            plannedStart <= asOf, started, due, met, overdue.Count, overdue.Select(n => n.OverdueDays).DefaultIfEmpty(0).Max(),
            EarnedValues.Compute(project, month.LastDay, cumulative, physical), light, reasons);
    }
}
