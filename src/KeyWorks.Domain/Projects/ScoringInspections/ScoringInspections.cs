namespace KeyWorks.Domain.Projects;

/// <summary>观摩评价: an inspection scores a project 0–100.</summary>
public sealed record ScoreInspection(string ProjectId, string InspectionId, DateOnly InspectedOn, decimal Score, string Remarks) : IProjectCommand;

public sealed record InspectionScored(string ProjectId, string InspectionId, DateOnly InspectedOn, decimal Score, string Inspector, string Remarks)
    : IProjectEvent;

public static class ScoringInspections
{
    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, ScoreInspection command, Actor actor, DateTimeOffset now)
    {
        Rules.Office(actor);
        var project = Rules.Exists(state, command.ProjectId);
        if (command.Score is < 0 or > 100)
            throw Rules.Reject(ErrorCodes.ScoreOutOfRange, $"A score is 0–100, got {command.Score}（评分应在0–100之间）", "score");
        if (command.InspectedOn > BusinessCalendar.DateOf(now))
            throw Rules.Reject(ErrorCodes.DateInFuture, $"{command.InspectedOn:yyyy-MM-dd} is in the future（日期不能晚于今天）", "inspectedOn");
        if (project.Inspections.Any(i => i.InspectionId == command.InspectionId))
            throw Rules.Reject(ErrorCodes.InspectionAlreadyScored, $"Inspection {command.InspectionId} is already scored（已评分）", "inspectionId");
        return [new InspectionScored(command.ProjectId, command.InspectionId, command.InspectedOn, command.Score, actor.UserId, command.Remarks ?? "")];
    }
}
