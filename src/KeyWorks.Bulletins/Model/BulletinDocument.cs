namespace KeyWorks.Bulletins.Model;

/// <summary>
/// One issue of the monthly bulletin (月通报), with every figure already computed from the office-confirmed
/// records as of <see cref="BulletinTitle.Cutoff"/>. The model holds amounts and counts; rates that follow
/// from them (完成率, 进度差, met/missed counts) are derived here so that tables and charts cannot disagree.
/// </summary>
/// <param name="Projects">every project of the programme, in the office's order (the renderer may put a leader's first)</param>
/// <param name="ByCategory">one row per category (道路, 桥梁, …)</param>
/// <param name="ByTownship">one row per township or street (乡镇/街道)</param>
/// <param name="UnitRanking">responsible units, ranked by the published formula</param>
/// <param name="LaggingProjects">yellow and red projects with the reasons reported</param>
/// <param name="NextMonthNodes">nodes due next month (look-ahead)</param>
/// <param name="Recommendations">the office's recommendations, one paragraph each, written before publishing</param>
/// <param name="Revisions">corrections recorded after the cutoff of an earlier issue</param>
/// <param name="Curve">the programme's cumulative planned and completed investment by month</param>
/// <param name="Schedules">the nodes of each project, for the mini Gantt charts</param>
public sealed record BulletinDocument(
    BulletinTitle Title,
    ProgrammeTotals Totals,
    IReadOnlyList<ProjectProgress> Projects,
    IReadOnlyList<GroupSummary> ByCategory,
    IReadOnlyList<GroupSummary> ByTownship,
    IReadOnlyList<UnitRanking> UnitRanking,
    NodePunctuality Nodes,
    IReadOnlyList<LaggingProject> LaggingProjects,
    ProblemList Problems,
    IReadOnlyList<UpcomingNode> NextMonthNodes,
    IReadOnlyList<string> Recommendations,
    IReadOnlyList<Revision> Revisions,
    ProgrammeCurve Curve,
    IReadOnlyList<ProjectSchedule> Schedules);

/// <summary>The title block: "{District}'{Programme}'项目建设进展月通报", issue, office, dates.</summary>
/// <param name="District">e.g. 高新区</param>
/// <param name="Programme">e.g. 三十工程</param>
/// <param name="IssueYear">year of the issue number (2026年第10期)</param>
/// <param name="IssueNumber">number of the issue within its year</param>
/// <param name="IssuingOffice">e.g. 高新区重点项目建设指挥部办公室</param>
/// <param name="IssuedOn">the date printed on the bulletin</param>
/// <param name="Year">year of the month reported on</param>
/// <param name="Month">the month reported on (1–12)</param>
/// <param name="Cutoff">records made after this instant are not in this issue</param>
public sealed record BulletinTitle(
    string District,
    string Programme,
    int IssueYear,
    int IssueNumber,
    string IssuingOffice,
    DateOnly IssuedOn,
    int Year,
    int Month,
    DateTimeOffset Cutoff)
{
    public string Heading => $"{District}“{Programme}”项目建设进展月通报";

    public string IssueLabel => $"{IssueYear}年第{IssueNumber}期";
}

/// <summary>Programme-wide figures for the month, with last month's for the change.</summary>
/// <param name="TimeProgress">序时进度 as a fraction: planned cumulative to date / annual plan</param>
/// <param name="PreviousCompletionRate">last issue's annual completion rate, when there was one</param>
public sealed record ProgrammeTotals(
    int ProjectCount,
    decimal TotalInvestment,
    decimal AnnualPlan,
    decimal CompletedThisMonth,
    decimal CompletedYearToDate,
    decimal TimeProgress,
    int StartedCount,
    int PlannedStartCount,
    decimal? PreviousCompletionRate)
{
    /// <summary>投资完成率 (annual) as a fraction.</summary>
    public decimal CompletionRate => Rates.Of(CompletedYearToDate, AnnualPlan);

    /// <summary>进度差 as a fraction (positive: ahead of 序时进度).</summary>
    public decimal Gap => CompletionRate - TimeProgress;
}

/// <summary>One project's investment progress.</summary>
/// <param name="Id">stable project id, used to join the other sections and to pick a leader's projects</param>
/// <param name="Leader">分包区领导</param>
/// <param name="PhysicalProgress">形象进度 narrative, may be empty</param>
public sealed record ProjectProgress(
    string Id,
    string Name,
    string Category,
    string Township,
    string Leader,
    string ResponsibleUnit,
    decimal TotalInvestment,
    decimal AnnualPlan,
    decimal CompletedYearToDate,
    decimal TimeProgress,
    StatusLight Light,
    string PhysicalProgress)
{
    public decimal CompletionRate => Rates.Of(CompletedYearToDate, AnnualPlan);

    public decimal Gap => CompletionRate - TimeProgress;
}

/// <summary>A row of the by-category or by-township table.</summary>
public sealed record GroupSummary(
    string Name,
    int ProjectCount,
    decimal AnnualPlan,
    decimal CompletedYearToDate,
    decimal TimeProgress,
    int LaggingCount)
{
    public decimal CompletionRate => Rates.Of(CompletedYearToDate, AnnualPlan);

    public decimal Gap => CompletionRate - TimeProgress;
}

/// <summary>A responsible unit's place in the monthly ranking (月排名).</summary>
public sealed record UnitRanking(
    int Rank,
    string Unit,
    int ProjectCount,
    decimal AnnualPlan,
    decimal CompletedYearToDate,
    decimal Score,
    RankingFlag Flag)
{
    public decimal CompletionRate => Rates.Of(CompletedYearToDate, AnnualPlan);
}

public enum StatusLight
{
    Green,
    Yellow,
    Red,
}

public enum RankingFlag
{
    None,
    Red,
    Black,
}

internal static class Rates
{
    public static decimal Of(decimal part, decimal whole) => whole == 0m ? 0m : part / whole;
}
