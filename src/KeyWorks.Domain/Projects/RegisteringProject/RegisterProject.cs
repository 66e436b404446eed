using KeyWorks.Domain.Programmes;

namespace KeyWorks.Domain.Projects;

public sealed record RegisterProject(string ProjectId, string ProgrammeId, ProjectDetails Details) : IProjectCommand;

public sealed record ProjectRegistered(string ProjectId, string ProgrammeId, ProjectDetails Details) : IProjectEvent;

public static class RegisteringProject
{
    public static IReadOnlyList<IDomainEvent> Handle(ProgrammeState? programme, ProjectState? state, RegisterProject command, Actor actor)
    {
        Rules.Office(actor);
        if (programme is null)
            throw Rules.Reject(ErrorCodes.ProgrammeNotFound, $"Programme {command.ProgrammeId} does not exist（项目计划不存在）", "programmeId");
        if (state is not null)
            throw Rules.Reject(ErrorCodes.ProjectAlreadyRegistered, $"Project {command.ProjectId} already exists（项目已存在）", "projectId");
        ProjectRules.ValidDetails(command.Details);
        return [new ProjectRegistered(command.ProjectId, command.ProgrammeId, command.Details)];
    }
}
