using KeyWorks.Domain.Figures;

namespace KeyWorks.Server.Api;

/// <summary>
/// A group's figures (<c>Figures</c> of the overview and of <c>GroupFigures</c>): amounts summed, rates recomputed from
/// the sums (<see cref="GroupFigureCalculator"/>). A group has no physical progress and no earned schedule; its light
/// follows its 进度差 alone, by the same thresholds as a project's.
/// </summary>
public sealed class GroupFiguresResult(GroupFigures group, DateOnly asOf, decimal completedThisMonth, LightThresholds thresholds)
{
    public DateOnly AsOfDate => asOf;

    public decimal TotalInvestment => group.TotalInvestment;

    public decimal AnnualPlan => group.AnnualPlan;

    public decimal PlannedToDate => group.PlannedToDate;

    public decimal CompletedThisYear => group.AnnualCompleted;

    public decimal CompletedThisMonth => completedThisMonth;

    public decimal CompletedSinceStart => group.CumulativeCompleted;

    public decimal AnnualCompletionRate => group.AnnualCompletionRate ?? 0m;

    public decimal TotalCompletionRate => group.TotalCompletionRate ?? 0m;

    public decimal TimeProgress => group.TimeProgress ?? 0m;

    public decimal ProgressGap => group.ProgressGap ?? 0m;

    public decimal? PhysicalProgress => null;

    public decimal? NodePunctuality => group.NodePunctuality;

    public object EarnedValue => new Dictionary<string, object?>
    {
        ["pv"] = group.PlannedValue,
        ["ev"] = group.EarnedValue,
        ["ac"] = group.ActualCost,
        ["spi"] = group.Spi,
        ["cpi"] = group.Cpi,
        ["eac"] = group.Cpi is { } cpi && cpi != 0 ? Math.Round(group.TotalInvestment / cpi, 2, MidpointRounding.AwayFromZero) : null,
        ["earnedSchedule"] = null,
        ["forecastFinish"] = null,
    };

    public string Light => ProjectFields.EnumName(StatusLights.Decide(group.ProgressGap, [], asOf, true, asOf, thresholds).Light);
}

/// <summary>One group of the overview (<c>GroupFigures</c>): a category, township or responsible unit.</summary>
public sealed record GroupResult(string Name, int ProjectCount, GroupFiguresResult Figures);
