namespace KeyWorks.Bulletins.Model;

/// <summary>Node punctuality for the month: the nodes that fell due, and the re-planned ones.</summary>
/// <param name="DueThisMonth">every node whose deadline fell in the month</param>
/// <param name="Slips">nodes re-planned since the last issue</param>
public sealed record NodePunctuality(IReadOnlyList<DueNode> DueThisMonth, IReadOnlyList<NodeSlip> Slips)
{
    public int MetCount => DueThisMonth.Count(n => n.Met);

    public int MissedCount => DueThisMonth.Count - MetCount;
}

/// <summary>A node due in the month; met when reached on or before its deadline.</summary>
public sealed record DueNode(
    string ProjectId,
    string ProjectName,
    string Node,
    DateOnly Deadline,
    DateOnly? ReachedOn,
    string ResponsibleUnit)
{
    public bool Met => ReachedOn is { } reached && reached <= Deadline;
}

/// <summary>A node moved to a later date since the last issue (re-planned, with the reason given).</summary>
public sealed record NodeSlip(
    string ProjectId,
    string ProjectName,
    string Node,
    DateOnly PreviousDate,
    DateOnly NewDate,
    string Reason)
{
    public int DaysSlipped => NewDate.DayNumber - PreviousDate.DayNumber;
}

/// <summary>A node due next month.</summary>
public sealed record UpcomingNode(
    string ProjectId,
    string ProjectName,
    string Node,
    DateOnly Deadline,
    string ResponsibleUnit,
    string Leader);

/// <summary>A project's nodes for its mini Gantt bar.</summary>
public sealed record ProjectSchedule(string ProjectId, string ProjectName, IReadOnlyList<ScheduleNode> Nodes);

/// <summary>One node on a project's schedule.</summary>
/// <param name="Planned">the date currently planned (after any re-planning)</param>
/// <param name="Actual">when it was reached, as confirmed by the office</param>
public sealed record ScheduleNode(string Name, DateOnly Planned, DateOnly? Actual, NodeStatus Status);

public enum NodeStatus
{
    NotStarted,
    InProgress,
    Done,
    Overdue,
}

/// <summary>The programme's S-curve: cumulative planned and completed investment at each month end.</summary>
public sealed record ProgrammeCurve(IReadOnlyList<CurvePoint> Points);

/// <param name="ActualCumulative">null for months after the one reported on</param>
public sealed record CurvePoint(int Month, decimal PlannedCumulative, decimal? ActualCumulative);
