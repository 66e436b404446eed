using KeyWorks.Domain.Figures;

namespace KeyWorks.Server.Api;

/// <summary>A report as the API shows it (the <c>Report</c> interface), read by the default resolver by name.</summary>
public abstract class ReportResult(ReportRecord record, ProjectResult project)
{
    internal ReportRecord Record => record;

    public string Id => record.Id;

    public string Kind => record.Kind switch
    {
        ReportKind.Investment => "INVESTMENT",
        ReportKind.Progress => "PROGRESS",
        _ => "NODE_REACHED",
    };

    public ProjectResult Project => project;

    public string Status => record.Status;

    public string SubmittedBy => record.SubmittedBy;

    public DateTimeOffset SubmittedAt => record.SubmittedAt;

    public string? DecidedBy => record.DecidedBy;

    public DateTimeOffset? DecidedAt => record.DecidedAt;

    public string? RejectionReason => record.RejectionReason;

    /// <summary>The typed result of a record.</summary>
    public static ReportResult For(ReportRecord record, ProjectResult project) => record.Kind switch
    {
        ReportKind.Investment => new InvestmentReportResult(record, project),
        ReportKind.Progress => new ProgressReportResult(record, project),
        _ => new NodeReportResult(record, project),
    };
}

/// <summary><c>InvestmentReport</c>.</summary>
public sealed class InvestmentReportResult(ReportRecord record, ProjectResult project) : ReportResult(record, project)
{
    public DateOnly Month => Record.Month!.Value.FirstDay;

    public decimal Amount => Record.Amount;

    public decimal Cumulative => Record.Cumulative;

    public string? Note => Record.Note;

    public bool IsCorrection => Record.IsCorrection;
}

/// <summary><c>ProgressReport</c>; flagged when the percent is further than the threshold from the total completion rate.</summary>
public sealed class ProgressReportResult(ReportRecord record, ProjectResult project) : ReportResult(record, project)
{
    public DateOnly Month => Record.Month!.Value.FirstDay;

    public decimal Percent => Record.Percent;

    public string Narrative => Record.Narrative ?? "";

    public bool DivergenceFlag => Math.Abs(Record.Percent - Project.Figures.TotalCompletionRate) > FigureOptions.Default.ProgressMismatchPoints;
}

/// <summary><c>NodeReport</c>.</summary>
public sealed class NodeReportResult(ReportRecord record, ProjectResult project) : ReportResult(record, project)
{
    public object? Node => Project.Node(Record.NodeId!);

    public DateOnly ReachedOn => Record.ReachedOn!.Value;

    public string? Note => Record.Note;
}
