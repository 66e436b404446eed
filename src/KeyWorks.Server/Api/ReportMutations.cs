using KeyWorks.Domain;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.Storing;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.Server.Api;

/// <summary>
/// Reports by a project's own contractors (<c>reportNodeReached</c>, <c>reportInvestment</c>, <c>reportProgress</c>) and
/// the office's decisions on them (<c>confirmReport</c>, <c>rejectReport</c>).
/// </summary>
public static class ReportMutations
{
    public static SchemaBuilder BindReportMutations(this SchemaBuilder schema) => schema
        .BindMutation("Mutation.reportNodeReached", ReportNodeReachedAsync)
        .BindMutation("Mutation.reportInvestment", ReportInvestmentAsync)
        .BindMutation("Mutation.reportProgress", ReportProgressAsync)
        .BindMutation("Mutation.confirmReport", context => DecideAsync(context, confirm: true))
        .BindMutation("Mutation.rejectReport", context => DecideAsync(context, confirm: false));

    private static async Task<object?> ReportNodeReachedAsync(MutationContext m)
    {
        m.RequireRole(Role.Contractor);
        var (project, nodeId) = NodeMutations.RequireNode(m, "nodeId");
        m.RequireContractorOf(project);
        var result = await m.ExecuteAsync(new ReportNodeReached(project.Id, nodeId, m.Get<DateOnly>("reachedOn"), m.Get<string>("note")));
        return Payload(m, project.Id, result);
    }

    /// <summary>
    /// A month's investment; the cumulative is computed from the reports so far when omitted. With
    /// <c>correctsReportId</c> it corrects that report's month instead (the note is the reason).
    /// </summary>
    private static async Task<object?> ReportInvestmentAsync(MutationContext m)
    {
        m.RequireRole(Role.Contractor);
        var project = m.RequireProject("projectId");
        m.RequireContractorOf(project);
        var amount = m.Get<decimal>("amount");
        var fields = new Dictionary<string, string>
        {
            ["completedInMonth"] = "amount",
            ["cumulativeCompleted"] = "cumulative",
            ["reason"] = "note",
        };
        CommandResult result;
        if (m.Get<string>("correctsReportId") is { } correctsId)
        {
            var corrected = ReportFields.ParseReportId(correctsId) is var (projectId, position) && projectId == project.Id
                ? m.Field.Request.Services!.GetRequiredService<ProjectRecords>().Find(projectId, position, long.MaxValue)
                : null;
            if (corrected is not { Kind: ReportKind.Investment, Month: { } correctedMonth })
            {
                throw MutationRejected.At(ErrorCodes.ReportNotFound, "No such investment report of this project (该投资上报不存在).", "correctsReportId");
            }

            result = await m.ExecuteAsync(new CorrectInvestment(project.Id, correctedMonth, amount, m.Get<string>("note") ?? ""), fields);
        }
        else
        {
            var month = YearMonth.Of(m.Get<DateOnly>("month"));
            var cumulative = m.Get<decimal?>("cumulative") ?? project.ReportedCumulativeBefore(month) + amount;
            result = await m.ExecuteAsync(new ReportInvestment(project.Id, month, amount, cumulative, m.Get<string>("note")), fields);
        }

        return Payload(m, project.Id, result);
    }

    private static async Task<object?> ReportProgressAsync(MutationContext m)
    {
        m.RequireRole(Role.Contractor);
        var project = m.RequireProject("projectId");
        m.RequireContractorOf(project);
        var result = await m.ExecuteAsync(new ReportPhysicalProgress(
            project.Id, YearMonth.Of(m.Get<DateOnly>("month")), m.Get<decimal>("percent"), m.Get<string>("narrative") ?? ""));
        return Payload(m, project.Id, result);
    }

    /// <summary>Confirms or rejects a report: it must be its month's (or node's) latest and still pending.</summary>
    private static async Task<object?> DecideAsync(MutationContext m, bool confirm)
    {
        m.RequireRole(Role.Office);
        var records = m.Field.Request.Services!.GetRequiredService<ProjectRecords>();
        var id = m.Get<string>("reportId") ?? "";
        var report = ReportFields.ParseReportId(id) is var (projectId, position) && m.Model.Projects.ContainsKey(projectId)
            ? records.Find(projectId, position, long.MaxValue)
            : null;
        if (report is null || report.Id != id)
        {
            throw MutationRejected.At(ErrorCodes.ReportNotFound, $"No report {id} (上报不存在).", "reportId");
        }

        var reason = confirm ? null : m.RequireText("reason");
        var latest = records.Of(report.ProjectId).Reports.Last(r => r.Kind == report.Kind && r.Month == report.Month && r.NodeId == report.NodeId);
        if (latest.Position != report.Position)
        {
            throw MutationRejected.At(ErrorCodes.ReportNotPending, "A later report of the same month or node replaced this one (已有更新的上报).", "reportId");
        }

        object command = (report.Kind, confirm) switch
        {
            (ReportKind.Investment, true) => new ConfirmInvestmentReport(report.ProjectId, report.Month!.Value),
            (ReportKind.Investment, false) => new RejectInvestmentReport(report.ProjectId, report.Month!.Value, reason!),
            (ReportKind.Progress, true) => new ConfirmPhysicalProgress(report.ProjectId, report.Month!.Value),
            (ReportKind.Progress, false) => new RejectPhysicalProgress(report.ProjectId, report.Month!.Value, reason!),
            (_, true) => new ConfirmNodeReport(report.ProjectId, report.NodeId!),
            (_, false) => new RejectNodeReport(report.ProjectId, report.NodeId!, reason!),
        };
        await m.ExecuteAsync(command, new Dictionary<string, string> { ["month"] = "reportId", ["nodeId"] = "reportId" });
        return Payload(m, report.ProjectId, report.Position);
    }

    private static Dictionary<string, object?> Payload(MutationContext m, string projectId, CommandResult result) =>
        Payload(m, projectId, result.Events.Count > 0 ? result.Events[0].Position : null);

    /// <summary><c>ReportPayload</c>: the report (by its submission's position) and its project, as they are now.</summary>
    private static Dictionary<string, object?> Payload(MutationContext m, string projectId, long? position)
    {
        var project = m.Model.Projects.TryGetValue(projectId, out var view) ? new ProjectResult(m.Model, view.State, m.Today) : null;
        var records = m.Field.Request.Services!.GetRequiredService<ProjectRecords>();
        var report = project is not null && position is { } p && records.Find(projectId, p, m.Model.Position) is { } record
            ? ReportResult.For(record, project)
            : null;
        return new Dictionary<string, object?> { ["report"] = report, ["project"] = project };
    }
}
