using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Figures;

public enum NodeStatus
{
    NotStarted,
    InProgress,
    Done,
    Overdue,
}

/// <summary>A node as of a date: 未开始 / 进行中 / 已完成 / 逾期, and how late.</summary>
public sealed record NodeLine(
    string NodeId,
    string Name,
    int Sequence,
    DateOnly PlannedDate,
    DateOnly Deadline,
    IReadOnlyList<NodeReplan> Replans,
    DateOnly? ReachedOn,
    DateOnly? PendingReachedOn,
    NodeStatus Status,
    int OverdueDays,
    bool OnTime);

public static class NodeFigures
{
    public static string Chinese(NodeStatus status) => status switch
    {
        NodeStatus.NotStarted => "未开始",
        NodeStatus.InProgress => "进行中",
        NodeStatus.Done => "已完成",
        _ => "逾期",
    };

    /// <summary>
    /// The timeline as of a date. A node counts as reached when the office confirmed it on or before the date;
    /// it is overdue when unreached after its deadline (the re-planned date when there is one); it is in progress
    /// when the node before it is reached (or it is the first node).
    /// </summary>
    public static IReadOnlyList<NodeLine> Timeline(ProjectState project, DateOnly asOf)
    {
        var lines = new List<NodeLine>();
        var previousReached = true;
        foreach (var node in project.Chain)
        {
            var reached = node.ReachedOn is { } r && r <= asOf ? node.ReachedOn : null;
            var overdue = reached is null && asOf > node.Deadline;
            var status = reached is not null ? NodeStatus.Done
                : overdue ? NodeStatus.Overdue
                : previousReached ? NodeStatus.InProgress
                : NodeStatus.NotStarted;
            var overdueDays = overdue ? asOf.DayNumber - node.Deadline.DayNumber : 0;
            lines.Add(new NodeLine(node.NodeId, node.Name, node.Sequence, node.PlannedDate, node.Deadline, node.Replans,
                reached, node.Pending?.ReachedOn, status, overdueDays, reached is { } d && d <= node.Deadline));
            previousReached = reached is not null;
        }
        return lines;
    }

    /// <summary>
    /// Nodes due by the date (deadline passed, or falling on the date and already reached) and of those, met on time
    /// (reached on or before the deadline in force).
    /// </summary>
    public static (int Due, int Met) Punctuality(IEnumerable<NodeLine> timeline, DateOnly asOf)
    {
        var due = timeline.Where(n => n.Deadline < asOf || (n.Deadline == asOf && n.ReachedOn is not null)).ToList();
        return (due.Count, due.Count(n => n.OnTime));
    }
}
