using System.Collections.Immutable;

namespace KeyWorks.Domain.Projects;

public enum ReportState
{
    Pending,
    Confirmed,
    Rejected,
}

/// <summary>A year's planned investment by month (the plan curve).</summary>
public sealed record AnnualPlan(int Year, IReadOnlyList<decimal> Monthly, int Revision, string? LastReason)
{
    public decimal Total => Monthly.Sum();

    /// <summary>Planned cumulative amount from January through <paramref name="month"/> (0 before the year, the total after it).</summary>
    public decimal PlannedThrough(YearMonth month)
    {
        if (month.Year < Year) return 0m;
        if (month.Year > Year) return Total;
        return Monthly.Take(month.Month).Sum();
    }
}

public sealed record NodeReplan(DateOnly From, DateOnly To, string Reason);

public sealed record PendingNodeReport(DateOnly ReachedOn, string ReportedBy, string? Note);

/// <summary>A milestone: its planned date, the re-planned deadline in force, and its confirmed actual date.</summary>
public sealed record NodeState(
    string NodeId,
    string Name,
    int Sequence,
    DateOnly PlannedDate,
    DateOnly Deadline,
    string ResponsibleUnit,
    ImmutableList<NodeReplan> Replans,
    PendingNodeReport? Pending,
    DateOnly? ReachedOn,
    string? LastRejection);

/// <summary>A month's investment report: what was reported, and what the office confirmed.</summary>
public sealed record InvestmentMonth(
    YearMonth Month,
    decimal ReportedInMonth,
    decimal ReportedCumulative,
    ReportState State,
    decimal? ConfirmedInMonth,
    string? Note,
    int Corrections);

/// <summary>A month's physical progress (形象进度): reported and confirmed percentage and narrative.</summary>
public sealed record ProgressMonth(
    YearMonth Month,
    decimal Percent,
    string Narrative,
    ReportState State,
    decimal? ConfirmedPercent,
    string? ConfirmedNarrative);

public sealed record InspectionScore(string InspectionId, DateOnly InspectedOn, decimal Score, string Inspector, string Remarks);

/// <summary>The project aggregate: everything decisions about a project need, evolved from its events.</summary>
public sealed record ProjectState(
    string Id,
    string ProgrammeId,
    ProjectDetails Details,
    ProjectStatus Status,
    Responsibility? Responsibility,
    ImmutableSortedDictionary<int, AnnualPlan> Plans,
    ImmutableSortedDictionary<string, NodeState> Nodes,
    ImmutableSortedDictionary<YearMonth, InvestmentMonth> Investment,
    ImmutableSortedDictionary<YearMonth, ProgressMonth> Progress,
    ImmutableList<InspectionScore> Inspections,
    DateOnly? CompletedOn,
    string? StatusReason)
{
    public static ProjectState Create(ProjectRegistered registered) =>
        new(registered.ProjectId, registered.ProgrammeId, registered.Details, ProjectStatus.Active, null,
            ImmutableSortedDictionary<int, AnnualPlan>.Empty,
            ImmutableSortedDictionary<string, NodeState>.Empty.WithComparers(StringComparer.Ordinal),
            ImmutableSortedDictionary<YearMonth, InvestmentMonth>.Empty,
            ImmutableSortedDictionary<YearMonth, ProgressMonth>.Empty,
            [], null, null);

    /// <summary>Evolves an optional state: registration creates, everything else applies to an existing project.</summary>
    public static ProjectState? Evolve(ProjectState? state, IProjectEvent @event) => @event switch
    {
        ProjectRegistered registered => Create(registered),
        _ => state?.Apply(@event),
    };

    public ProjectState Apply(IProjectEvent @event) => @event switch
    {
        ProjectDetailsAmended e => this with { Details = e.Details },
        ResponsibilityAssigned e => this with
        {
            Responsibility = new Responsibility(e.LeaderId, e.LeaderName, e.LeadUnit, e.ResponsibleUnit, e.Contractors),
        },
        AnnualPlanSet e => this with { Plans = Plans.SetItem(e.Year, new AnnualPlan(e.Year, e.MonthlyAmounts, 0, null)) },
        AnnualPlanRevised e => this with
        {
            Plans = Plans.SetItem(e.Year, new AnnualPlan(e.Year, e.MonthlyAmounts, Plans[e.Year].Revision + 1, e.Reason)),
        },
        NodePlanned e => this with
        {
            Nodes = Nodes.SetItem(e.NodeId, new NodeState(e.NodeId, e.Name, e.Sequence, e.PlannedDate, e.PlannedDate,
                e.ResponsibleUnit, [], null, null, null)),
        },
        NodeReplanned e => WithNode(e.NodeId, n => n with
        {
            Deadline = e.NewDate,
            Replans = n.Replans.Add(new NodeReplan(e.PreviousDate, e.NewDate, e.Reason)),
        }),
        NodeReachedReported e => WithNode(e.NodeId, n => n with { Pending = new PendingNodeReport(e.ReachedOn, e.ReportedBy, e.Note) }),
        NodeReportConfirmed e => WithNode(e.NodeId, n => n with { Pending = null, ReachedOn = e.ReachedOn }),
        NodeReportRejected e => WithNode(e.NodeId, n => n with { Pending = null, LastRejection = e.Reason }),
        InvestmentReported e => this with
        {
            Investment = Investment.SetItem(e.Month, new InvestmentMonth(e.Month, e.CompletedInMonth, e.CumulativeCompleted,
                ReportState.Pending, null, e.Note, 0)),
        },
        InvestmentReportConfirmed e => WithInvestment(e.Month, m => m with { State = ReportState.Confirmed, ConfirmedInMonth = e.CompletedInMonth }),
        InvestmentReportRejected e => WithInvestment(e.Month, m => m with { State = ReportState.Rejected, Note = e.Reason }),
        InvestmentCorrected e => WithInvestment(e.Month, m => m with
        {
            ReportedInMonth = e.CompletedInMonth,
            ReportedCumulative = m.ReportedCumulative - m.ReportedInMonth + e.CompletedInMonth,
            State = e.Official ? ReportState.Confirmed : ReportState.Pending,
            ConfirmedInMonth = e.Official ? e.CompletedInMonth : m.ConfirmedInMonth,
            Note = e.Reason,
            Corrections = m.Corrections + 1,
        }),
        PhysicalProgressReported e => this with
        {
            Progress = Progress.SetItem(e.Month, new ProgressMonth(e.Month, e.Percent, e.Narrative, ReportState.Pending, null, null)),
        },
        PhysicalProgressConfirmed e => WithProgress(e.Month, p => p with
        {
            State = ReportState.Confirmed,
            ConfirmedPercent = p.Percent,
            ConfirmedNarrative = p.Narrative,
        }),
        PhysicalProgressRejected e => WithProgress(e.Month, p => p with { State = ReportState.Rejected }),
        InspectionScored e => this with
        {
            Inspections = Inspections.Add(new InspectionScore(e.InspectionId, e.InspectedOn, e.Score, e.Inspector, e.Remarks)),
        },
        ProjectSuspended e => this with { Status = ProjectStatus.Suspended, StatusReason = e.Reason },
        ProjectResumed e => this with { Status = ProjectStatus.Active, StatusReason = e.Reason },
        ProjectCompleted e => this with { Status = ProjectStatus.Completed, CompletedOn = e.CompletedOn, StatusReason = null },
        _ => this,
    };

    /// <summary>Nodes in chain order.</summary>
    public IEnumerable<NodeState> Chain => Nodes.Values.OrderBy(n => n.Sequence);

    public NodeState? NodeBefore(int sequence) => Chain.LastOrDefault(n => n.Sequence < sequence);

    public NodeState? NodeAfter(int sequence) => Chain.FirstOrDefault(n => n.Sequence > sequence);

    /// <summary>Investment completed before <paramref name="month"/> as reported (rejected reports left out).</summary>
    public decimal ReportedCumulativeBefore(YearMonth month) =>
        Details.PriorCompletedInvestment
        + Investment.Values.Where(m => m.Month < month && m.State != ReportState.Rejected).Sum(m => m.ReportedInMonth);

    private ProjectState WithNode(string nodeId, Func<NodeState, NodeState> change) =>
        Nodes.TryGetValue(nodeId, out var node) ? this with { Nodes = Nodes.SetItem(nodeId, change(node)) } : this;

    private ProjectState WithInvestment(YearMonth month, Func<InvestmentMonth, InvestmentMonth> change) =>
        Investment.TryGetValue(month, out var m) ? this with { Investment = Investment.SetItem(month, change(m)) } : this;

    private ProjectState WithProgress(YearMonth month, Func<ProgressMonth, ProgressMonth> change) =>
        Progress.TryGetValue(month, out var p) ? this with { Progress = Progress.SetItem(month, change(p)) } : this;
}
