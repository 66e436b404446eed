using KeyWorks.Domain.Problems;

namespace KeyWorks.Domain.Figures;

/// <summary>
/// Status-light thresholds (红黄绿灯). Yellow: at least <see cref="YellowBehindPoints"/> behind 序时进度, or a node overdue.
/// Red: more than <see cref="RedBehindPoints"/> behind, or a node overdue by <see cref="NodeOverdueRedMonths"/> months or more,
/// or the planned start missed by <see cref="StartMissedRedMonths"/> months or more.
/// </summary>
public sealed record LightThresholds(
    decimal YellowBehindPoints = 10m,
    decimal RedBehindPoints = 30m,
    int NodeOverdueRedMonths = 1,
    int StartMissedRedMonths = 3);

/// <summary>
/// The ranking formula: score = Σ weightₖ × componentₖ / Σ weights of the components present, each component 0–100.
/// The best <see cref="RedFlags"/> get a red flag, the worst <see cref="BlackFlags"/> a black flag, when there are
/// more entries than flags.
/// </summary>
public sealed record RankingFormula(
    decimal CompletionWeight = 0.40m,
    decimal PunctualityWeight = 0.25m,
    decimal ProblemClosingWeight = 0.15m,
    decimal InspectionWeight = 0.20m,
    int RedFlags = 1,
    int BlackFlags = 1);

/// <summary>
/// Everything the figures read from configuration; bind it from settings, the defaults are the published ones.
/// Physical progress further than <see cref="ProgressMismatchPoints"/> from the total completion rate is flagged;
/// a month's report is late after day <see cref="ReportDueDay"/> of that month (每月25日前报送当月进展), so the office can
/// confirm it before the month closes.
/// </summary>
public sealed record FigureOptions(
    LightThresholds Lights,
    RankingFormula Ranking,
    ProblemClockOptions Clocks,
    decimal ProgressMismatchPoints = 20m,
    int ReportDueDay = 25)
{
    public static readonly FigureOptions Default = new(new LightThresholds(), new RankingFormula(), ProblemClockOptions.Default);
}
