using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Figures;

/// <summary>
/// Earned value as of a reporting month's end. BAC = total investment; PV = planned cumulative value; EV = physical % × BAC;
/// AC = confirmed cumulative investment; SPI = EV/PV; CPI = EV/AC; EAC = BAC/CPI. Earned schedule ES = the time at which
/// the plan curve reached EV; SPI(t) = ES/AT; forecast finish = planned start + planned duration / SPI(t).
/// </summary>
public sealed record EarnedValue(
    decimal Bac,
    decimal Pv,
    decimal Ev,
    decimal Ac,
    decimal? Spi,
    decimal? Cpi,
    decimal? Eac,
    int? EarnedScheduleDays,
    int ActualTimeDays,
    decimal? SpiT,
    DateOnly? ForecastFinish);

public static class EarnedValues
{
    public static EarnedValue Compute(ProjectState project, DateOnly at, decimal actualCost, decimal? physicalPercent)
    {
        var details = project.Details;
        var bac = details.TotalInvestment;
        var curve = PlanCurve(project);
        var pv = Math.Round(ValueAt(curve, at), 2);
        var ev = Math.Round((physicalPercent ?? 0m) / 100m * bac, 2);
        var cpi = Percent.Ratio(ev, actualCost);
        var start = details.PlannedStart;
        var actualTime = Math.Max(0, at.DayNumber - start.DayNumber);
        int? es = ev > 0 ? TimeAt(curve, ev) is { } t ? t.DayNumber - start.DayNumber : null : null;
        decimal? spiT = es is { } e && actualTime > 0 ? Math.Round((decimal)e / actualTime, 4) : null;
        var plannedDuration = details.PlannedCompletion.DayNumber - start.DayNumber;
        DateOnly? forecast = spiT is > 0 ? start.AddDays((int)Math.Ceiling(plannedDuration / spiT.Value)) : null;
        return new EarnedValue(bac, pv, ev, actualCost, Percent.Ratio(ev, pv), cpi,
            cpi is > 0 ? Math.Round(bac / cpi.Value, 2) : null, es, actualTime, spiT, forecast);
    }

    /// <summary>
    /// The planned value curve: 0 at the planned start, the prior investment at the start of the first plan year, then
    /// each plan month's cumulative at its end, and the total at the planned completion; straight lines between.
    /// </summary>
    public static IReadOnlyList<(DateOnly Date, decimal Value)> PlanCurve(ProjectState project)
    {
        var details = project.Details;
        var points = new List<(DateOnly, decimal)> { (details.PlannedStart, 0m) };
        var before = details.PriorCompletedInvestment;
        foreach (var plan in project.Plans.Values)
        {
            points.Add((new DateOnly(plan.Year, 1, 1), before));
            for (var m = 1; m <= 12; m++)
            {
                var month = new YearMonth(plan.Year, m);
                points.Add((month.LastDay, before + plan.PlannedThrough(month)));
            }
            before += plan.Total;
        }
        points.Add((details.PlannedCompletion, details.TotalInvestment));
        // Keep the curve a function of time that never falls: later points win for equal dates, values run up.
        var ordered = points.OrderBy(p => p.Item1).ToList();
        var curve = new List<(DateOnly Date, decimal Value)>();
        var high = 0m;
        foreach (var (date, value) in ordered)
        {
            high = Math.Max(high, value);
            if (curve.Count > 0 && curve[^1].Date == date) curve[^1] = (date, high);
            else curve.Add((date, high));
        }
        return curve;
    }

    public static decimal ValueAt(IReadOnlyList<(DateOnly Date, decimal Value)> curve, DateOnly at)
    {
        if (at <= curve[0].Date) return curve[0].Date == at ? curve[0].Value : 0m;
        for (var i = 1; i < curve.Count; i++)
        {
            var (d1, v1) = curve[i];
            if (at > d1) continue;
            var (d0, v0) = curve[i - 1];
            var span = d1.DayNumber - d0.DayNumber;
            return v0 + (v1 - v0) * (at.DayNumber - d0.DayNumber) / span;
        }
        return curve[^1].Value;
    }

    /// <summary>The first date the curve reaches the value (whole days, rounded up); null if it never does.</summary>
    public static DateOnly? TimeAt(IReadOnlyList<(DateOnly Date, decimal Value)> curve, decimal value)
    {
        if (curve[0].Value >= value) return curve[0].Date;
        for (var i = 1; i < curve.Count; i++)
        {
            var (d1, v1) = curve[i];
            if (v1 < value) continue;
            var (d0, v0) = curve[i - 1];
            var days = (d1.DayNumber - d0.DayNumber) * (value - v0) / (v1 - v0);
            return d0.AddDays((int)Math.Ceiling(days));
        }
        return null;
    }
}
