namespace KeyWorks.Domain.Projects;

/// <summary>
/// A month's completed investment: the amount in the month and the cumulative since the start of the project
/// (which must equal the previous cumulative plus the month). Above the total investment a reason is required.
/// </summary>
public sealed record ReportInvestment(
    string ProjectId, YearMonth Month, decimal CompletedInMonth, decimal CumulativeCompleted, string? Note = null) : IProjectCommand;

public sealed record ConfirmInvestmentReport(string ProjectId, YearMonth Month) : IProjectCommand;

public sealed record RejectInvestmentReport(string ProjectId, YearMonth Month, string Reason) : IProjectCommand;

/// <summary>Corrects a month's amount after the fact; recorded as a new event, the earlier report is kept in the history.</summary>
public sealed record CorrectInvestment(string ProjectId, YearMonth Month, decimal CompletedInMonth, string Reason) : IProjectCommand;

public sealed record InvestmentReported(
    string ProjectId, YearMonth Month, decimal CompletedInMonth, decimal CumulativeCompleted, string ReportedBy, string? Note)
    : IProjectEvent;

public sealed record InvestmentReportConfirmed(string ProjectId, YearMonth Month, decimal CompletedInMonth, string ConfirmedBy) : IProjectEvent;

public sealed record InvestmentReportRejected(string ProjectId, YearMonth Month, string Reason, string RejectedBy) : IProjectEvent;

/// <summary>A correction; <see cref="Official"/> when made by the office (confirmed at once), otherwise it awaits confirmation.</summary>
public sealed record InvestmentCorrected(
    string ProjectId, YearMonth Month, decimal PreviousInMonth, decimal CompletedInMonth, string Reason, string CorrectedBy, bool Official)
    : IProjectEvent;

public static class ReportingInvestment
{
    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, ReportInvestment command, Actor actor, DateTimeOffset now)
    {
        var project = Rules.Exists(state, command.ProjectId);
        Rules.OfficeOrContractor(actor, command.ProjectId);
        ProjectRules.AcceptsReports(project);
        NotFutureMonth(command.Month, now);
        Rules.NotNegative(command.CompletedInMonth, "completedInMonth");
        Rules.NotNegative(command.CumulativeCompleted, "cumulativeCompleted");

        if (project.Investment.TryGetValue(command.Month, out var existing))
        {
            if (existing.State != ReportState.Rejected)
                throw Rules.Reject(ErrorCodes.ReportAlreadyExists, $"{command.Month} is already reported; correct it instead（该月已上报，请更正）", "month");
        }
        else if (project.Investment.Keys.Any(m => m > command.Month))
        {
            throw Rules.Reject(ErrorCodes.ReportOutOfOrder, $"A later month than {command.Month} is already reported（已有更晚月份的上报）", "month");
        }

        var previous = project.ReportedCumulativeBefore(command.Month);
        if (command.CumulativeCompleted < previous)
            throw Rules.Reject(ErrorCodes.CumulativeDecreased,
                $"Cumulative {command.CumulativeCompleted} is below the previous cumulative {previous}; use a correction（累计完成不能减少）",
                "cumulativeCompleted");
        if (command.CumulativeCompleted != previous + command.CompletedInMonth)
            throw Rules.Reject(ErrorCodes.CumulativeMismatch,
                $"Cumulative {command.CumulativeCompleted} ≠ previous {previous} + month {command.CompletedInMonth}（累计与当月不符）",
                "cumulativeCompleted");
        if (command.CumulativeCompleted > project.Details.TotalInvestment && string.IsNullOrWhiteSpace(command.Note))
            throw Rules.Reject(ErrorCodes.OverTotalInvestmentNeedsReason,
                $"Cumulative {command.CumulativeCompleted} exceeds the total investment {project.Details.TotalInvestment}; give the reason（超总投资须说明原因）",
                "note");

        return [new InvestmentReported(command.ProjectId, command.Month, command.CompletedInMonth, command.CumulativeCompleted, actor.UserId, command.Note)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, ConfirmInvestmentReport command, Actor actor)
    {
        Rules.Office(actor);
        var report = Report(Rules.Exists(state, command.ProjectId), command.Month);
        if (report.State == ReportState.Confirmed)
            throw Rules.Reject(ErrorCodes.AlreadyConfirmed, $"{command.Month} is already confirmed（已确认）", "month");
        if (report.State == ReportState.Rejected)
            throw Rules.Reject(ErrorCodes.ReportNotPending, $"The {command.Month} report was rejected; nothing to confirm（已退回）", "month");
        return [new InvestmentReportConfirmed(command.ProjectId, command.Month, report.ReportedInMonth, actor.UserId)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, RejectInvestmentReport command, Actor actor)
    {
        Rules.Office(actor);
        var report = Report(Rules.Exists(state, command.ProjectId), command.Month);
        Rules.Text(command.Reason, "reason");
        if (report.State != ReportState.Pending)
            throw Rules.Reject(ErrorCodes.ReportNotPending, $"The {command.Month} report is {report.State}, not awaiting confirmation（非待确认状态）", "month");
        return [new InvestmentReportRejected(command.ProjectId, command.Month, command.Reason, actor.UserId)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, CorrectInvestment command, Actor actor)
    {
        var project = Rules.Exists(state, command.ProjectId);
        Rules.OfficeOrContractor(actor, command.ProjectId);
        var report = Report(project, command.Month);
        Rules.NotNegative(command.CompletedInMonth, "completedInMonth");
        Rules.Text(command.Reason, "reason");
        return [new InvestmentCorrected(command.ProjectId, command.Month, report.ReportedInMonth, command.CompletedInMonth,
            command.Reason, actor.UserId, actor.Role == Role.Office)];
    }

    internal static void NotFutureMonth(YearMonth month, DateTimeOffset now)
    {
        var current = YearMonth.Of(BusinessCalendar.DateOf(now));
        if (month > current)
            throw Rules.Reject(ErrorCodes.ReportForFutureMonth, $"{month} has not begun yet (now {current})（不能上报未来月份）", "month");
    }

    private static InvestmentMonth Report(ProjectState project, YearMonth month) =>
        project.Investment.TryGetValue(month, out var report)
            ? report
            : throw Rules.Reject(ErrorCodes.ReportNotFound, $"No investment report for {month}（该月无上报）", "month");
}
