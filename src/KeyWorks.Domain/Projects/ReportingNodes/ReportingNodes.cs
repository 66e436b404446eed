namespace KeyWorks.Domain.Projects;

public sealed record ReportNodeReached(string ProjectId, string NodeId, DateOnly ReachedOn, string? Note) : IProjectCommand;

public sealed record ConfirmNodeReport(string ProjectId, string NodeId) : IProjectCommand;

public sealed record RejectNodeReport(string ProjectId, string NodeId, string Reason) : IProjectCommand;

public sealed record NodeReachedReported(string ProjectId, string NodeId, DateOnly ReachedOn, string ReportedBy, string? Note) : IProjectEvent;

public sealed record NodeReportConfirmed(string ProjectId, string NodeId, DateOnly ReachedOn, string ConfirmedBy) : IProjectEvent;

public sealed record NodeReportRejected(string ProjectId, string NodeId, string Reason, string RejectedBy) : IProjectEvent;

public static class ReportingNodes
{
    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, ReportNodeReached command, Actor actor, DateTimeOffset now)
    {
        var project = Rules.Exists(state, command.ProjectId);
        Rules.OfficeOrContractor(actor, command.ProjectId);
        ProjectRules.AcceptsReports(project);
        var node = PlanningNodes.Find(project, command.NodeId);
        if (node.ReachedOn is not null)
            throw Rules.Reject(ErrorCodes.NodeAlreadyReached, $"Node {node.Name} was reached on {node.ReachedOn}（节点已完成）", "nodeId");
        if (command.ReachedOn > BusinessCalendar.DateOf(now))
            throw Rules.Reject(ErrorCodes.DateInFuture, $"{command.ReachedOn:yyyy-MM-dd} is in the future（日期不能晚于今天）", "reachedOn");
        var previous = project.NodeBefore(node.Sequence);
        if (previous?.ReachedOn is { } previousReached && command.ReachedOn < previousReached)
            throw Rules.Reject(ErrorCodes.NodeDateBeforePrevious,
                $"{command.ReachedOn:yyyy-MM-dd} is before the previous node {previous.Name} was reached ({previousReached:yyyy-MM-dd})（节点日期早于前一节点）",
                "reachedOn");
        return [new NodeReachedReported(command.ProjectId, command.NodeId, command.ReachedOn, actor.UserId, command.Note)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, ConfirmNodeReport command, Actor actor)
    {
        Rules.Office(actor);
        var node = PendingNode(Rules.Exists(state, command.ProjectId), command.NodeId);
        return [new NodeReportConfirmed(command.ProjectId, command.NodeId, node.Pending!.ReachedOn, actor.UserId)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, RejectNodeReport command, Actor actor)
    {
        Rules.Office(actor);
        PendingNode(Rules.Exists(state, command.ProjectId), command.NodeId);
        Rules.Text(command.Reason, "reason");
        return [new NodeReportRejected(command.ProjectId, command.NodeId, command.Reason, actor.UserId)];
    }

    private static NodeState PendingNode(ProjectState project, string nodeId)
    {
        var node = PlanningNodes.Find(project, nodeId);
        return node.Pending is null
            ? throw Rules.Reject(ErrorCodes.NoPendingReport, $"Node {node.Name} has no report awaiting confirmation（无待确认的节点上报）", "nodeId")
            : node;
    }
}
