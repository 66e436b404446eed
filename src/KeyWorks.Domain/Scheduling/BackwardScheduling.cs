using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Scheduling;

/// <summary>A node of the chain to schedule: its typical duration to the next node, its current deadline and actual date.</summary>
public sealed record ChainNode(string NodeId, string Name, int DaysToNext, DateOnly? CurrentDeadline = null, DateOnly? ReachedOn = null);

/// <summary>
/// A node's latest allowed date for the target to hold. <see cref="AlreadyPast"/>: the latest date has passed and the node
/// is not reached. <see cref="PlannedTooLate"/>: its current deadline is after the latest allowed date.
/// </summary>
public sealed record ScheduledNode(
    string NodeId, string Name, DateOnly LatestAllowed, DateOnly? CurrentDeadline, DateOnly? ReachedOn, bool AlreadyPast, bool PlannedTooLate);

/// <summary>倒排工期: from a target date of a late node, back through the typical durations, to the latest date of each earlier node.</summary>
public static class BackwardScheduling
{
    /// <summary>Typical days from each standard node to the next (illustrative defaults; pass your own).</summary>
    public static readonly IReadOnlyDictionary<string, int> TypicalDaysToNext = new Dictionary<string, int>
    {
        [StandardNodes.Permits] = 60,
        [StandardNodes.Land] = 45,
        [StandardNodes.Start] = 270,
        [StandardNodes.MainWorks] = 90,
        [StandardNodes.Acceptance] = 60,
    };

    /// <summary>
    /// Latest allowed dates for the nodes before <paramref name="targetNodeId"/> in <paramref name="chain"/> (in order), the
    /// target included with its own date. latest(i) = latest(i+1) − DaysToNext(i).
    /// </summary>
    public static IReadOnlyList<ScheduledNode> Derive(IReadOnlyList<ChainNode> chain, string targetNodeId, DateOnly targetDate, DateOnly today)
    {
        var index = chain.ToList().FindIndex(n => n.NodeId == targetNodeId);
        if (index < 0)
            throw Rules.Reject(ErrorCodes.NodeNotFound, $"The chain has no node {targetNodeId}（节点不存在）", "targetNodeId");
        var result = new ScheduledNode[index + 1];
        var latest = targetDate;
        for (var i = index; i >= 0; i--)
        {
            var node = chain[i];
            if (i < index) latest = latest.AddDays(-node.DaysToNext);
            result[i] = new ScheduledNode(node.NodeId, node.Name, latest, node.CurrentDeadline, node.ReachedOn,
                node.ReachedOn is null && latest < today,
                node.ReachedOn is null && node.CurrentDeadline is { } d && d > latest);
        }
        return result;
    }

    /// <summary>Backward schedule over a project's own nodes, durations looked up by node id (custom nodes default to 0 days).</summary>
    public static IReadOnlyList<ScheduledNode> ForProject(
        ProjectState project, string targetNodeId, DateOnly targetDate, DateOnly today, IReadOnlyDictionary<string, int>? daysToNext = null)
    {
        daysToNext ??= TypicalDaysToNext;
        var chain = project.Chain
            .Select(n => new ChainNode(n.NodeId, n.Name, daysToNext.GetValueOrDefault(n.NodeId), n.Deadline, n.ReachedOn))
            .ToList();
        return Derive(chain, targetNodeId, targetDate, today);
    }
}
