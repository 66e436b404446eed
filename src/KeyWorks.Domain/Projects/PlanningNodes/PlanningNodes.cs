namespace KeyWorks.Domain.Projects;

/// <summary>Plans a node: a standard one (see <see cref="StandardNodes"/>) or a custom one placed by its sequence.</summary>
public sealed record PlanNode(string ProjectId, string NodeId, string Name, int Sequence, DateOnly PlannedDate, string ResponsibleUnit) : IProjectCommand;

public sealed record ReplanNode(string ProjectId, string NodeId, DateOnly NewDate, string Reason) : IProjectCommand;

public sealed record NodePlanned(string ProjectId, string NodeId, string Name, int Sequence, DateOnly PlannedDate, string ResponsibleUnit)
    : IProjectEvent;

public sealed record NodeReplanned(string ProjectId, string NodeId, DateOnly PreviousDate, DateOnly NewDate, string Reason) : IProjectEvent;

public static class PlanningNodes
{
    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, PlanNode command, Actor actor)
    {
        Rules.Office(actor);
        var project = Rules.Exists(state, command.ProjectId);
        Rules.Text(command.NodeId, "nodeId");
        Rules.Text(command.Name, "name");
        if (project.Nodes.ContainsKey(command.NodeId))
            throw Rules.Reject(ErrorCodes.NodeAlreadyPlanned, $"Node {command.Name} is already planned; re-plan it instead（节点已计划）", "nodeId");
        if (project.Chain.Any(n => n.Sequence == command.Sequence))
            throw Rules.Reject(ErrorCodes.NodeSequenceTaken, $"Another node already has sequence {command.Sequence}（节点顺序重复）", "sequence");
        CheckOrder(project, command.Sequence, command.PlannedDate);
        return [new NodePlanned(command.ProjectId, command.NodeId, command.Name, command.Sequence, command.PlannedDate, command.ResponsibleUnit)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, ReplanNode command, Actor actor)
    {
        Rules.Office(actor);
        var project = Rules.Exists(state, command.ProjectId);
        var node = Find(project, command.NodeId);
        Rules.Text(command.Reason, "reason");
        if (node.ReachedOn is not null)
            throw Rules.Reject(ErrorCodes.NodeAlreadyReached, $"Node {node.Name} was reached on {node.ReachedOn}（节点已完成）", "nodeId");
        CheckOrder(project, node.Sequence, command.NewDate);
        return [new NodeReplanned(command.ProjectId, command.NodeId, node.Deadline, command.NewDate, command.Reason)];
    }

    internal static NodeState Find(ProjectState project, string nodeId) =>
        project.Nodes.TryGetValue(nodeId, out var node)
            ? node
            : throw Rules.Reject(ErrorCodes.NodeNotFound, $"Project {project.Details.Name} has no node {nodeId}（节点不存在）", "nodeId");

    /// <summary>A node's deadline may not fall before the previous node's deadline nor after the next one's.</summary>
    private static void CheckOrder(ProjectState project, int sequence, DateOnly date)
    {
        var previous = project.NodeBefore(sequence);
        if (previous is not null && date < previous.Deadline)
            throw Rules.Reject(ErrorCodes.NodeDateBeforePrevious,
                $"{date:yyyy-MM-dd} is before the previous node {previous.Name} ({previous.Deadline:yyyy-MM-dd})（节点日期早于前一节点）", "date");
        var next = project.NodeAfter(sequence);
        if (next is not null && date > next.Deadline)
            throw Rules.Reject(ErrorCodes.NodeDateAfterNext,
                $"{date:yyyy-MM-dd} is after the next node {next.Name} ({next.Deadline:yyyy-MM-dd})（节点日期晚于后一节点）", "date");
    }
}
