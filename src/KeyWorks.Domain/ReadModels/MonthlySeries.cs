using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.ReadModels;

/// <summary>One month of the planned-vs-actual S-curve; actuals are confirmed amounts, absent after the reporting month.</summary>
public sealed record MonthPoint(
    YearMonth Month,
    decimal PlannedInMonth,
    decimal PlannedCumulative,
    decimal? ActualInMonth,
    decimal? ActualCumulative,
    decimal? PhysicalPercent);

public static class MonthlySeries
{
    /// <summary>The year's twelve months for one project or summed over several (physical % only for one project).</summary>
    public static IReadOnlyList<MonthPoint> For(IReadOnlyCollection<ProjectState> projects, int year, DateOnly asOf)
    {
        var reporting = BusinessCalendar.ReportingMonth(asOf);
        var points = new List<MonthPoint>();
        decimal plannedCumulative = 0, actualCumulative = 0;
        for (var m = 1; m <= 12; m++)
        {
            var month = new YearMonth(year, m);
            var planned = projects.Sum(p => p.Plans.TryGetValue(year, out var plan) ? plan.Monthly[m - 1] : 0m);
            plannedCumulative += planned;
            if (month > reporting)
            {
                points.Add(new MonthPoint(month, planned, plannedCumulative, null, null, null));
                continue;
            }
            var actual = projects.Sum(p => p.Investment.TryGetValue(month, out var r) ? r.ConfirmedInMonth ?? 0m : 0m);
            actualCumulative += actual;
            decimal? percent = projects.Count == 1 && projects.First().Progress.TryGetValue(month, out var progress)
                ? progress.ConfirmedPercent
                : null;
            points.Add(new MonthPoint(month, planned, plannedCumulative, actual, actualCumulative, percent));
        }
        return points;
    }
}
