using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Figures;

/// <summary>Figures summed over a set of projects: a programme, a category, a township, a unit or a leader.</summary>
public sealed record GroupFigures(
    string Key,
    int Projects,
    decimal TotalInvestment,
    decimal AnnualPlan,
    decimal PlannedToDate,
    decimal AnnualCompleted,
    decimal CumulativeCompleted,
    decimal? AnnualCompletionRate,
    decimal? TotalCompletionRate,
    decimal? TimeProgress,
    decimal? ProgressGap,
    int PlannedToStart,
    int StartedOfPlanned,
    int Started,
    decimal? StartRate,
    int NodesDue,
    int NodesMet,
    decimal? NodePunctuality,
    int Green,
    int Yellow,
    int Red,
    decimal PlannedValue,
    decimal EarnedValue,
    decimal ActualCost,
    decimal? Spi,
    decimal? Cpi);

public enum GroupBy
{
    Programme,
    Category,
    Township,
    Unit,
    Leader,
}

public static class GroupFigureCalculator
{
    /// <summary>
    /// Sums amounts and recomputes rates from the sums (an investment-weighted rate, not a mean of rates); SPI and CPI
    /// likewise from summed PV, EV and AC.
    /// 开工率 = projects started among those planned to start by the date / projects planned to start by the date.
    /// </summary>
    public static GroupFigures Sum(string key, IReadOnlyCollection<ProjectFigures> projects)
    {
        var annualPlan = projects.Sum(p => p.AnnualPlan);
        var planned = projects.Sum(p => p.PlannedToDate);
        var annual = projects.Sum(p => p.AnnualCompleted);
        var total = projects.Sum(p => p.TotalInvestment);
        var cumulative = projects.Sum(p => p.CumulativeCompleted);
        var rate = Percent.Of(annual, annualPlan);
        var time = Percent.Of(planned, annualPlan);
        var plannedToStart = projects.Count(p => p.PlannedToStart);
        var startedOfPlanned = projects.Count(p => p.PlannedToStart && p.Started);
        var due = projects.Sum(p => p.NodesDue);
        var met = projects.Sum(p => p.NodesMet);
        return new GroupFigures(key, projects.Count, total, annualPlan, planned, annual, cumulative, rate,
            Percent.Of(cumulative, total), time, rate is { } r && time is { } t ? r - t : null,
            plannedToStart, startedOfPlanned, projects.Count(p => p.Started), Percent.Of(startedOfPlanned, plannedToStart),
            due, met, Percent.Of(met, due),
            projects.Count(p => p.Light == StatusLight.Green), projects.Count(p => p.Light == StatusLight.Yellow),
            projects.Count(p => p.Light == StatusLight.Red),
            projects.Sum(p => p.EarnedValue.Pv), projects.Sum(p => p.EarnedValue.Ev), projects.Sum(p => p.EarnedValue.Ac),
            Percent.Ratio(projects.Sum(p => p.EarnedValue.Ev), projects.Sum(p => p.EarnedValue.Pv)),
            Percent.Ratio(projects.Sum(p => p.EarnedValue.Ev), projects.Sum(p => p.EarnedValue.Ac)));
    }

    public static IReadOnlyList<GroupFigures> By(GroupBy dimension, IEnumerable<ProjectFigures> projects) =>
        [.. projects.GroupBy(p => KeyOf(dimension, p), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Sum(g.Key, g.ToList()))];

    public static string KeyOf(GroupBy dimension, ProjectFigures p) => dimension switch
    {
        GroupBy.Programme => p.ProgrammeId,
        GroupBy.Category => CategoryNames.Chinese(p.Category),
        GroupBy.Township => p.Township,
        GroupBy.Unit => p.ResponsibleUnit,
        _ => p.LeaderName,
    };
}
