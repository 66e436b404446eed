namespace KeyWorks.Domain.Projects;

public sealed record AmendProjectDetails(string ProjectId, ProjectDetails Details, string Reason) : IProjectCommand;

public sealed record ProjectDetailsAmended(string ProjectId, ProjectDetails Details, string Reason) : IProjectEvent;

public static class AmendingProject
{
    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, AmendProjectDetails command, Actor actor)
    {
        Rules.Office(actor);
        Rules.Exists(state, command.ProjectId);
        ProjectRules.ValidDetails(command.Details);
        Rules.Text(command.Reason, "reason");
        return [new ProjectDetailsAmended(command.ProjectId, command.Details, command.Reason)];
    }
}
