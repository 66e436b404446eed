using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using KeyWorks.Domain;
using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.Rankings;
using KeyWorks.Domain.ReadModels;

namespace KeyWorks.Server.Api;

/// <summary>
/// <c>Ranking</c>: the programme's monthly or quarterly ranking (<see cref="RankingCalculator"/>) over all its projects, so
/// ranks and flags are the official ones; a contractor is shown only the entries of their own projects and of those
/// projects' responsible units.
/// </summary>
internal sealed class RankingResult(KeyWorksReadModel model, string programmeId, Func<ProjectState, bool> visible, FigureOptions options)
{
    public Dictionary<string, object?> For(string period, YearMonth reportingMonth)
    {
        var (year, quarter) = LastQuarter(reportingMonth);
        var table = period == "QUARTER"
            ? RankingCalculator.Quarterly(model, year, quarter, options, InProgramme)
            : RankingCalculator.Monthly(model, reportingMonth, options, InProgramme);

        var projects = model.Projects.Values.Select(v => v.State).Where(InProgramme).ToList();
        var figures = projects.ToDictionary(p => p.Id, p => ProjectFigureCalculator.Compute(p, table.To, options), StringComparer.Ordinal);
        var mine = projects.Where(visible).ToList();
        var myProjects = mine.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var myUnits = mine.Select(p => p.Responsibility?.ResponsibleUnit ?? "").ToHashSet(StringComparer.Ordinal);
        var unitRates = figures.Values
            .GroupBy(f => f.ResponsibleUnit, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => GroupFigureCalculator.Sum(g.Key, [.. g]).AnnualCompletionRate ?? 0m, StringComparer.Ordinal);

        return new Dictionary<string, object?>
        {
            ["period"] = period == "QUARTER" ? "QUARTER" : "MONTH",
            ["label"] = table.Period,
            ["formula"] = Formula(options.Ranking),
            ["projects"] = table.Projects.Where(e => myProjects.Contains(e.Key))
                .Select(e => Entry(e, ApiObjects.GlobalId("Project", e.Key), null, figures[e.Key].AnnualCompletionRate ?? 0m)).ToList(),
            ["units"] = table.Units.Where(e => myUnits.Contains(e.Key))
                .Select(e => Entry(e, null, ApiObjects.GlobalId("Unit", e.Key), unitRates.GetValueOrDefault(e.Key))).ToList(),
        };
    }

    /// <summary>The last quarter that has ended by the reporting month (Q3 for October, Q4 of last year for February).</summary>
    internal static (int Year, int Quarter) LastQuarter(YearMonth reportingMonth) =>
        reportingMonth.Month / 3 is var quarter and > 0 ? (reportingMonth.Year, quarter) : (reportingMonth.Year - 1, 4);

    /// <summary>The published formula in words, from the configured weights.</summary>
    internal static string Formula(RankingFormula f) => string.Create(CultureInfo.InvariantCulture,
        $"综合得分 =（投资完成率 ÷ 序时进度，最高100分）× {f.CompletionWeight * 100:0.##}% + 节点按时完成率 × {f.PunctualityWeight * 100:0.##}%"
        + $" + 问题按期办结率 × {f.ProblemClosingWeight * 100:0.##}% + 观摩评价得分 × {f.InspectionWeight * 100:0.##}%；当期无观摩评价的，按其余各项权重折算。"
        + $"得分最高的{f.RedFlags}个授红旗，最低的{f.BlackFlags}个授黑旗。");

    private bool InProgramme(ProjectState project) => project.ProgrammeId == programmeId;

    private static Dictionary<string, object?> Entry(RankingEntry entry, string? projectId, string? unitId, decimal annualRate) => new()
    {
        ["rank"] = entry.Rank,
        ["name"] = entry.Name,
        ["projectId"] = projectId,
        ["unitId"] = unitId,
        ["score"] = entry.Score,
        ["annualCompletionRate"] = annualRate,
        ["nodePunctuality"] = entry.Punctuality,
        ["problemClosingRate"] = entry.ProblemClosing,
        ["inspectionScore"] = entry.Inspection,
        ["flag"] = entry.Flag switch { Flag.Red => "RED", Flag.Black => "BLACK", _ => null },
    };
}

/// <summary>The project flags of a programme's monthly ranking, computed once per read model and month.</summary>
internal static class MonthlyFlags
{
    private static readonly ConditionalWeakTable<KeyWorksReadModel, ConcurrentDictionary<(string, YearMonth), Lazy<Dictionary<string, Flag>>>> Tables = [];

    public static Dictionary<string, Flag> Of(KeyWorksReadModel model, string programmeId, YearMonth month) =>
        Tables.GetValue(model, _ => new())
            .GetOrAdd((programmeId, month), _ => new Lazy<Dictionary<string, Flag>>(() =>
                RankingCalculator.Monthly(model, month, FigureOptions.Default, p => p.ProgrammeId == programmeId).Projects
                    .ToDictionary(e => e.Key, e => e.Flag, StringComparer.Ordinal)))
            .Value;
}
