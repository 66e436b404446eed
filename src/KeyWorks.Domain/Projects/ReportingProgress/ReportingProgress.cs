namespace KeyWorks.Domain.Projects;

/// <summary>形象进度: the share of the physical works done (0–100) and what was done, in words.</summary>
public sealed record ReportPhysicalProgress(string ProjectId, YearMonth Month, decimal Percent, string Narrative) : IProjectCommand;

public sealed record ConfirmPhysicalProgress(string ProjectId, YearMonth Month) : IProjectCommand;

public sealed record RejectPhysicalProgress(string ProjectId, YearMonth Month, string Reason) : IProjectCommand;

public sealed record PhysicalProgressReported(string ProjectId, YearMonth Month, decimal Percent, string Narrative, string ReportedBy) : IProjectEvent;

public sealed record PhysicalProgressConfirmed(string ProjectId, YearMonth Month, decimal Percent, string ConfirmedBy) : IProjectEvent;

public sealed record PhysicalProgressRejected(string ProjectId, YearMonth Month, string Reason, string RejectedBy) : IProjectEvent;

public static class ReportingProgress
{
    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, ReportPhysicalProgress command, Actor actor, DateTimeOffset now)
    {
        var project = Rules.Exists(state, command.ProjectId);
        Rules.OfficeOrContractor(actor, command.ProjectId);
        ProjectRules.AcceptsReports(project);
        ReportingInvestment.NotFutureMonth(command.Month, now);
        if (command.Percent is < 0 or > 100)
            throw Rules.Reject(ErrorCodes.PercentOutOfRange, $"Progress must be 0–100 %, got {command.Percent}（形象进度应在0–100之间）", "percent");
        Rules.Text(command.Narrative, "narrative");
        if (project.Progress.TryGetValue(command.Month, out var existing) && existing.State != ReportState.Rejected)
            throw Rules.Reject(ErrorCodes.ReportAlreadyExists, $"Progress for {command.Month} is already reported（该月已上报）", "month");
        var earlier = project.Progress.Values.Where(p => p.Month < command.Month && p.State != ReportState.Rejected).Select(p => p.Percent);
        var previous = earlier.DefaultIfEmpty(0m).Max();
        if (command.Percent < previous)
            throw Rules.Reject(ErrorCodes.ProgressDecreased, $"Progress {command.Percent} % is below the earlier {previous} %（形象进度不能倒退）", "percent");
        return [new PhysicalProgressReported(command.ProjectId, command.Month, command.Percent, command.Narrative, actor.UserId)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, ConfirmPhysicalProgress command, Actor actor)
    {
        Rules.Office(actor);
        var report = Pending(Rules.Exists(state, command.ProjectId), command.Month);
        return [new PhysicalProgressConfirmed(command.ProjectId, command.Month, report.Percent, actor.UserId)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, RejectPhysicalProgress command, Actor actor)
    {
        Rules.Office(actor);
        Pending(Rules.Exists(state, command.ProjectId), command.Month);
        Rules.Text(command.Reason, "reason");
        return [new PhysicalProgressRejected(command.ProjectId, command.Month, command.Reason, actor.UserId)];
    }

    private static ProgressMonth Pending(ProjectState project, YearMonth month)
    {
        if (!project.Progress.TryGetValue(month, out var report))
            throw Rules.Reject(ErrorCodes.ReportNotFound, $"No progress report for {month}（该月无上报）", "month");
        return report.State == ReportState.Pending
            ? report
            : throw Rules.Reject(report.State == ReportState.Confirmed ? ErrorCodes.AlreadyConfirmed : ErrorCodes.ReportNotPending,
                $"The {month} progress report is {report.State}（非待确认状态）", "month");
    }
}
