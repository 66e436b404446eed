namespace KeyWorks.Domain.Projects;

public sealed record SuspendProject(string ProjectId, string Reason) : IProjectCommand;

public sealed record ResumeProject(string ProjectId, string Reason) : IProjectCommand;

public sealed record CompleteProject(string ProjectId, DateOnly CompletedOn) : IProjectCommand;

public sealed record ProjectSuspended(string ProjectId, string Reason) : IProjectEvent;

public sealed record ProjectResumed(string ProjectId, string Reason) : IProjectEvent;

public sealed record ProjectCompleted(string ProjectId, DateOnly CompletedOn) : IProjectEvent;

public static class ChangingProjectStatus
{
    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, SuspendProject command, Actor actor)
    {
        Rules.Office(actor);
        ProjectRules.AcceptsReports(Rules.Exists(state, command.ProjectId));
        Rules.Text(command.Reason, "reason");
        return [new ProjectSuspended(command.ProjectId, command.Reason)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, ResumeProject command, Actor actor)
    {
        Rules.Office(actor);
        var project = Rules.Exists(state, command.ProjectId);
        if (project.Status != ProjectStatus.Suspended)
            throw Rules.Reject(ErrorCodes.ProjectNotSuspended, $"Project {project.Details.Name} is not suspended（项目未暂停）", "projectId");
        Rules.Text(command.Reason, "reason");
        return [new ProjectResumed(command.ProjectId, command.Reason)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, CompleteProject command, Actor actor, DateTimeOffset now)
    {
        Rules.Office(actor);
        ProjectRules.AcceptsReports(Rules.Exists(state, command.ProjectId));
        if (command.CompletedOn > BusinessCalendar.DateOf(now))
            throw Rules.Reject(ErrorCodes.DateInFuture, $"{command.CompletedOn:yyyy-MM-dd} is in the future（日期不能晚于今天）", "completedOn");
        return [new ProjectCompleted(command.ProjectId, command.CompletedOn)];
    }
}
