namespace KeyWorks.Domain.Projects;

public sealed record AssignResponsibility(
    string ProjectId, string LeaderId, string LeaderName, string LeadUnit, string ResponsibleUnit, IReadOnlyList<string> Contractors) : IProjectCommand;

public sealed record ResponsibilityAssigned(
    string ProjectId, string LeaderId, string LeaderName, string LeadUnit, string ResponsibleUnit, IReadOnlyList<string> Contractors)
    : IProjectEvent;

public static class AssigningResponsibility
{
    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, AssignResponsibility command, Actor actor)
    {
        Rules.Office(actor);
        Rules.Exists(state, command.ProjectId);
        Rules.Text(command.LeaderId, "leaderId");
        Rules.Text(command.LeaderName, "leaderName");
        Rules.Text(command.LeadUnit, "leadUnit");
        Rules.Text(command.ResponsibleUnit, "responsibleUnit");
        return [new ResponsibilityAssigned(command.ProjectId, command.LeaderId, command.LeaderName, command.LeadUnit,
            command.ResponsibleUnit, [.. command.Contractors])];
    }
}
