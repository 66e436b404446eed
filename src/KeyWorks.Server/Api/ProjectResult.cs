using KeyWorks.Domain;
using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Scheduling;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.ReadModels;

namespace KeyWorks.Server.Api;

/// <summary>
/// A project as the API shows it, as of a date; its fields are read by the engine's default resolver by name.
/// Figures and the node timeline are computed on first use.
/// </summary>
public sealed class ProjectResult(KeyWorksReadModel model, ProjectState state, DateOnly asOf)
{
    private static readonly Dictionary<string, string> StandardNodes = new(StringComparer.Ordinal)
    {
        ["手续办理"] = "PERMITS",
        ["征迁交地"] = "LAND_HANDOVER",
        ["开工建设"] = "CONSTRUCTION_START",
        ["主体完工"] = "MAIN_WORKS_COMPLETE",
        ["竣工验收"] = "COMPLETION_ACCEPTANCE",
        ["投产达效"] = "IN_OPERATION",
        ["交付使用"] = "IN_OPERATION",
    };

    private ProjectFigures? _figures;
    private FiguresResult? _figuresResult;
    private List<Dictionary<string, object?>>? _nodes;

    internal ProjectState State => state;

    internal KeyWorksReadModel Model => model;

    internal DateOnly AsOf => asOf;

    private ProjectFigures Computed => _figures ??= ProjectFigureCalculator.Compute(state, asOf);

    public string Id => ApiObjects.GlobalId("Project", state.Id);

    public string Name => state.Details.Name;

    public object? Programme => model.Programmes.TryGetValue(state.ProgrammeId, out var p) ? ProjectFields.Programme(model, p) : null;

    public string Category => ProjectFields.EnumName(state.Details.Category);

    public string Township => state.Details.Township;

    public string? Scale => state.Details.Scale;

    public string? Description => state.Details.Description;

    public string Status => state.Status switch
    {
        ProjectStatus.Suspended => "SUSPENDED",
        ProjectStatus.Completed => "COMPLETED",
        _ => Computed.Started ? "UNDER_CONSTRUCTION" : "PLANNED",
    };

    public DateOnly PlannedStart => state.Details.PlannedStart;

    public DateOnly PlannedCompletion => state.Details.PlannedCompletion;

    public object? Leader => state.Responsibility is { } r
        ? new Dictionary<string, object?> { ["__typename"] = "Leader", ["id"] = ApiObjects.GlobalId("Leader", r.LeaderId), ["name"] = r.LeaderName, ["title"] = null }
        : null;

    public object? LeadUnit => state.Responsibility is { } r ? ApiObjects.Unit(r.LeadUnit) : null;

    public object? ResponsibleUnit => state.Responsibility is { } r ? ApiObjects.Unit(r.ResponsibleUnit) : null;

    public IReadOnlyList<object> Contractors => [.. (state.Responsibility?.Contractors ?? []).Select(ApiObjects.Unit)];

    public FiguresResult Figures => _figuresResult ??= new FiguresResult(Computed, state);

    public IReadOnlyList<Dictionary<string, object?>> Nodes => _nodes ??= [.. NodeLines()];

    /// <summary>A node of the timeline by its local id, or null.</summary>
    internal Dictionary<string, object?>? Node(string nodeId) =>
        Nodes.FirstOrDefault(n => (string)n["id"]! == ApiObjects.GlobalId("ProjectNode", $"{state.Id}/{nodeId}"));

    /// <summary>The year's plan of the figures' year (<c>AnnualPlan</c>), null when none is set.</summary>
    public object? AnnualPlan => state.Plans.TryGetValue(BusinessCalendar.ReportingMonth(asOf).Year, out var plan)
        ? new Dictionary<string, object?> { ["year"] = plan.Year, ["total"] = plan.Total, ["monthly"] = plan.Monthly, ["revision"] = plan.Revision }
        : null;

    /// <summary>
    /// The figures' year month by month: planned and confirmed actual amounts and their cumulatives. Months after the
    /// reporting month have no actual yet: 0, with the cumulative carried.
    /// </summary>
    public IReadOnlyList<Dictionary<string, object?>> MonthlySeries =>
    [
        .. Domain.ReadModels.MonthlySeries.For([state], BusinessCalendar.ReportingMonth(asOf).Year, asOf)
            .Aggregate(new List<Dictionary<string, object?>>(), (points, p) =>
            {
                var carried = points.Count > 0 ? (decimal)points[^1]["actualCumulative"]! : 0m;
                points.Add(new Dictionary<string, object?>
                {
                    ["month"] = p.Month.FirstDay,
                    ["planned"] = p.PlannedInMonth,
                    ["actual"] = p.ActualInMonth ?? 0m,
                    ["plannedCumulative"] = p.PlannedCumulative,
                    ["actualCumulative"] = p.ActualCumulative ?? carried,
                });
                return points;
            }),
    ];

    private IEnumerable<Dictionary<string, object?>> NodeLines()
    {
        var latest = LatestAllowedDates();
        return NodeFigures.Timeline(state, asOf).Select(line => new Dictionary<string, object?>
        {
            ["__typename"] = "ProjectNode",
            ["id"] = ApiObjects.GlobalId("ProjectNode", $"{state.Id}/{line.NodeId}"),
            ["nodeId"] = line.NodeId,
            ["kind"] = StandardNodes.GetValueOrDefault(line.Name, "CUSTOM"),
            ["name"] = line.Name,
            ["sequence"] = line.Sequence,
            ["plannedDate"] = line.PlannedDate,
            ["replannedDate"] = line.Replans.Count > 0 ? line.Deadline : null,
            ["replanReason"] = line.Replans.Count > 0 ? line.Replans[^1].Reason : null,
            ["actualDate"] = line.ReachedOn,
            ["reportedDate"] = line.PendingReachedOn,
            ["latestAllowedDate"] = latest.GetValueOrDefault(line.NodeId),
            ["responsibleUnit"] = state.Nodes.TryGetValue(line.NodeId, out var node) ? ApiObjects.Unit(node.ResponsibleUnit) : null,
            ["status"] = ProjectFields.EnumName(line.Status),
            ["overdueDays"] = line.OverdueDays,
        });
    }

    /// <summary>倒排工期 back from the last node's deadline: each earlier node's latest allowed date.</summary>
    private Dictionary<string, DateOnly?> LatestAllowedDates()
    {
        if (state.Chain.LastOrDefault() is not { } last)
        {
            return [];
        }

        return BackwardScheduling.ForProject(state, last.NodeId, last.Deadline, asOf)
            .ToDictionary(n => n.NodeId, n => (DateOnly?)n.LatestAllowed, StringComparer.Ordinal);
    }
}

/// <summary>A project's figures (<c>Figures</c>): rates are 0 where the domain has none (no plan or no total).</summary>
public sealed class FiguresResult(ProjectFigures figures, ProjectState state)
{
    public DateOnly AsOfDate => figures.AsOf;

    public decimal TotalInvestment => figures.TotalInvestment;

    public decimal AnnualPlan => figures.AnnualPlan;

    public decimal PlannedToDate => figures.PlannedToDate;

    public decimal CompletedThisYear => figures.AnnualCompleted;

    public decimal CompletedThisMonth =>
        state.Investment.TryGetValue(figures.ReportingMonth, out var month) ? month.ConfirmedInMonth ?? 0m : 0m;

    public decimal CompletedSinceStart => figures.CumulativeCompleted;

    public decimal AnnualCompletionRate => figures.AnnualCompletionRate ?? 0m;

    public decimal TotalCompletionRate => figures.TotalCompletionRate ?? 0m;

    public decimal TimeProgress => figures.TimeProgress ?? 0m;

    public decimal ProgressGap => figures.ProgressGap ?? 0m;

    public decimal? PhysicalProgress => figures.PhysicalPercent;

    public decimal? NodePunctuality => figures.NodesDue == 0
        ? null
        : Math.Round(100m * figures.NodesMet / figures.NodesDue, 2, MidpointRounding.AwayFromZero);

    public object EarnedValue => new Dictionary<string, object?>
    {
        ["pv"] = figures.EarnedValue.Pv,
        ["ev"] = figures.EarnedValue.Ev,
        ["ac"] = figures.EarnedValue.Ac,
        ["spi"] = figures.EarnedValue.Spi,
        ["cpi"] = figures.EarnedValue.Cpi,
        ["eac"] = figures.EarnedValue.Eac,
        ["earnedSchedule"] = figures.EarnedValue.EarnedScheduleDays is { } days ? state.Details.PlannedStart.AddDays(days) : null,
        ["forecastFinish"] = figures.EarnedValue.ForecastFinish,
    };

    public string Light => ProjectFields.EnumName(figures.Light);
}
