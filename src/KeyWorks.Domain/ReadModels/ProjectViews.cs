using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.ReadModels;

/// <summary>A row of the project list: current figures plus problem counts and whether the month's report is late.</summary>
public sealed record ProjectListItem(ProjectFigures Figures, int OpenProblems, int OverdueProblems, bool ReportLate);

/// <summary>A month's reports as shown on the project page (reported, confirmed, corrections, when it came in).</summary>
public sealed record ReportLine(
    YearMonth Month,
    decimal ReportedInMonth,
    decimal ReportedCumulative,
    ReportState State,
    decimal? ConfirmedInMonth,
    int Corrections,
    string? Note,
    DateTimeOffset? ReportedAt,
    bool Late,
    decimal? PhysicalPercent,
    string? Narrative);

public sealed record ProjectDetail(
    ProjectFigures Figures,
    ProjectDetails Details,
    Responsibility? Responsibility,
    string? StatusReason,
    IReadOnlyList<NodeLine> Nodes,
    IReadOnlyList<MonthPoint> Series,
    IReadOnlyList<ReportLine> Reports,
    IReadOnlyList<InspectionScore> Inspections,
    IReadOnlyList<ProblemCard> Problems);

public static class ProjectViews
{
    public static IReadOnlyList<ProjectListItem> List(KeyWorksReadModel model, DateOnly asOf, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        var at = BusinessCalendar.EndOf(asOf);
        return [.. model.Projects.Values.Select(view =>
        {
            var board = ProblemBoards.Build(model, at, options, view.State.Id);
            return new ProjectListItem(ProjectFigureCalculator.Compute(view.State, asOf, options), board.Open, board.Overdue,
                ReportLate(view, BusinessCalendar.ReportingMonth(asOf), asOf, options));
        })];
    }

    public static IEnumerable<ProjectFigures> Figures(KeyWorksReadModel model, DateOnly asOf, FigureOptions? options = null) =>
        model.Projects.Values.Select(v => ProjectFigureCalculator.Compute(v.State, asOf, options));

    public static ProjectDetail? Detail(KeyWorksReadModel model, string projectId, DateOnly asOf, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        if (model.Projects.GetValueOrDefault(projectId) is not { } view) return null;
        var project = view.State;
        var reports = project.Investment.Values.Select(m =>
        {
            var progress = project.Progress.GetValueOrDefault(m.Month);
            var reportedAt = view.InvestmentReportedAt.TryGetValue(m.Month, out var t) ? t : (DateTimeOffset?)null;
            return new ReportLine(m.Month, m.ReportedInMonth, m.ReportedCumulative, m.State, m.ConfirmedInMonth, m.Corrections, m.Note,
                reportedAt, reportedAt is { } r && IsLate(m.Month, r, options), progress?.Percent, progress?.Narrative);
        }).ToList();
        var figures = ProjectFigureCalculator.Compute(project, asOf, options);
        return new ProjectDetail(figures, project.Details, project.Responsibility, project.StatusReason,
            NodeFigures.Timeline(project, asOf), MonthlySeries.For([project], figures.ReportingMonth.Year, asOf), reports,
            project.Inspections, ProblemBoards.Build(model, BusinessCalendar.EndOf(asOf), options, projectId).Cards);
    }

    /// <summary>A month's report is due by day <see cref="FigureOptions.ReportDueDay"/> of that month.</summary>
    public static bool IsLate(YearMonth month, DateTimeOffset reportedAt, FigureOptions options) =>
        BusinessCalendar.DateOf(reportedAt) > DueDate(month, options);

    /// <summary>The last day a month's report is on time (the month's last day when the due day is beyond it).</summary>
    public static DateOnly DueDate(YearMonth month, FigureOptions options) =>
        month.FirstDay.AddDays(Math.Clamp(options.ReportDueDay, 1, month.LastDay.Day) - 1);

    private static bool ReportLate(ProjectView view, YearMonth month, DateOnly asOf, FigureOptions options)
    {
        if (view.State.Status != ProjectStatus.Active) return false;
        if (view.InvestmentReportedAt.TryGetValue(month, out var at)) return IsLate(month, at, options);
        return asOf > DueDate(month, options);
    }
}
