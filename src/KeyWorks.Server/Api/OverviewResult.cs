using System.Collections.Concurrent;
using KeyWorks.Domain;
using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.ReadModels;

namespace KeyWorks.Server.Api;

/// <summary>
/// The cockpit's figures for one programme, one date and one caller's scope, computed from one read model. They depend
/// on nothing else, so a result is shared by every request on the same model (see <see cref="OverviewCache"/>); the
/// problem counts, which move with the clock, are not part of it.
/// </summary>
public sealed class OverviewFigureSet
{
    private readonly KeyWorksReadModel _model;
    private readonly ProgrammeState _programme;
    private readonly Func<ProjectState, bool> _visible;
    private readonly FigureOptions _options;
    private readonly List<(ProjectState State, ProjectFigures Figures)> _rows;
    private readonly ConcurrentDictionary<string, Dictionary<string, object?>> _rankings = new(StringComparer.Ordinal);

    public OverviewFigureSet(KeyWorksReadModel model, ProgrammeState programme, Func<ProjectState, bool> visible, DateOnly asOf, FigureOptions options)
    {
        _model = model;
        _programme = programme;
        _visible = visible;
        _options = options;
        AsOfDate = asOf;
        _rows = [.. model.Projects.Values
            .Select(v => v.State)
            .Where(p => p.ProgrammeId == programme.Id && visible(p))
            .Select(p => (p, ProjectFigureCalculator.Compute(p, asOf, options)))];
        ReportingMonth = BusinessCalendar.ReportingMonth(asOf);
        Totals = GroupFigureCalculator.Sum(programme.Id, [.. _rows.Select(r => r.Figures)]);
        Figures = new GroupFiguresResult(Totals, asOf, _rows.Sum(r => CompletedIn(r.State, ReportingMonth)), options.Lights);
        ByCategory = Groups(GroupBy.Category, r => (int)r.Figures.Category);
        ByTownship = Groups(GroupBy.Township, _ => 0);
        ByUnit = Groups(GroupBy.Unit, _ => 0);
        CompletionRateChange = (Totals.AnnualCompletionRate ?? 0m) - PreviousMonthRate();
        MonthlySeries = Series(programme.Year);
    }

    public DateOnly AsOfDate { get; }

    /// <summary>The month the figures count through (the as-of month on its last day, else the month before).</summary>
    public YearMonth ReportingMonth { get; }

    public GroupFigures Totals { get; }

    public GroupFiguresResult Figures { get; }

    public IReadOnlyList<GroupResult> ByCategory { get; }

    public IReadOnlyList<GroupResult> ByTownship { get; }

    public IReadOnlyList<GroupResult> ByUnit { get; }

    /// <summary>投资完成率 now minus at the end of the month before the reporting month (0 before a year's first month).</summary>
    public decimal CompletionRateChange { get; }

    public IReadOnlyList<Dictionary<string, object?>> MonthlySeries { get; }

    /// <summary>The ids of the projects in scope.</summary>
    public IEnumerable<string> ProjectIds => _rows.Select(r => r.State.Id);

    /// <summary>The ranking of the period containing the reporting month (month) or of the last quarter it completes.</summary>
    public Dictionary<string, object?> Ranking(string period) =>
        _rankings.GetOrAdd(period, p => new RankingResult(_model, _programme.Id, _visible, _options).For(p, ReportingMonth));

    private List<GroupResult> Groups(GroupBy dimension, Func<(ProjectState State, ProjectFigures Figures), int> order) =>
        [.. _rows.GroupBy(r => GroupFigureCalculator.KeyOf(dimension, r.Figures), StringComparer.Ordinal)
            .OrderBy(g => g.Min(order))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupResult(g.Key, g.Count(), new GroupFiguresResult(
                GroupFigureCalculator.Sum(g.Key, [.. g.Select(r => r.Figures)]), AsOfDate, g.Sum(r => CompletedIn(r.State, ReportingMonth)), _options.Lights)))];

    private decimal PreviousMonthRate()
    {
        var previous = ReportingMonth.AddMonths(-1);
        if (previous.Year != ReportingMonth.Year)
        {
            return 0m;
        }

        var before = _rows.Select(r => ProjectFigureCalculator.Compute(r.State, previous.LastDay, _options)).ToList();
        return GroupFigureCalculator.Sum(_programme.Id, before).AnnualCompletionRate ?? 0m;
    }

    /// <summary>
    /// The programme year's twelve months, planned against confirmed actual. After the reporting month nothing is
    /// confirmed yet: the month's actual is 0 and the cumulative stays where it was.
    /// </summary>
    private List<Dictionary<string, object?>> Series(int year)
    {
        decimal carried = 0m;
        var points = new List<Dictionary<string, object?>>();
        foreach (var point in Domain.ReadModels.MonthlySeries.For([.. _rows.Select(r => r.State)], year, AsOfDate))
        {
            carried = point.ActualCumulative ?? carried;
            points.Add(new Dictionary<string, object?>
            {
                ["month"] = point.Month.FirstDay,
                ["planned"] = point.PlannedInMonth,
                ["actual"] = point.ActualInMonth ?? 0m,
                ["plannedCumulative"] = point.PlannedCumulative,
                ["actualCumulative"] = carried,
            });
        }

        return points;
    }

    private static decimal CompletedIn(ProjectState project, YearMonth month) =>
        project.Investment.TryGetValue(month, out var report) ? report.ConfirmedInMonth ?? 0m : 0m;
}
