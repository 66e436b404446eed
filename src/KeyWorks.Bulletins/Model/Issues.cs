namespace KeyWorks.Bulletins.Model;

/// <summary>A yellow or red project with the reason reported for its delay.</summary>
public sealed record LaggingProject(
    string ProjectId,
    string ProjectName,
    StatusLight Light,
    string Leader,
    string ResponsibleUnit,
    decimal CompletionRate,
    decimal TimeProgress,
    string Reason)
{
    public decimal Gap => CompletionRate - TimeProgress;
}

/// <summary>The problem list (问题清单): running counts and the problems still open at the cutoff.</summary>
/// <param name="RaisedTotal">交办 since the programme began</param>
/// <param name="ClosedTotal">办结销号 since the programme began</param>
public sealed record ProblemList(
    int RaisedTotal,
    int ClosedTotal,
    int RaisedThisMonth,
    int ClosedThisMonth,
    IReadOnlyList<OpenProblem> Open);

/// <summary>A problem not yet closed, at the stage it has reached under the 1-6-10 rule.</summary>
/// <param name="Kind">资金, 用地, 征迁, 手续, …</param>
/// <param name="OwnerUnit">the unit it was handed to</param>
/// <param name="StageDeadline">when the current stage must be done</param>
/// <param name="OverdueDays">days past <paramref name="StageDeadline"/> at the cutoff, 0 if not overdue</param>
/// <param name="AgeDays">days since it was handed over</param>
public sealed record OpenProblem(
    string ProjectId,
    string ProjectName,
    string Kind,
    string Description,
    string OwnerUnit,
    ProblemStage Stage,
    DateOnly StageDeadline,
    int OverdueDays,
    int AgeDays);

public enum ProblemStage
{
    /// <summary>交办, waiting to be accepted (1 day).</summary>
    Assigned,

    /// <summary>受理, being handled (6 days).</summary>
    Accepted,

    /// <summary>办理 done, waiting to be closed with evidence (10 days).</summary>
    Handled,

    /// <summary>escalated to the project's leader.</summary>
    Escalated,
}

/// <summary>A correction recorded after the cutoff of an earlier issue, printed so readers can amend it.</summary>
/// <param name="OriginalIssue">the issue that printed the old figure, e.g. 2026年第9期</param>
/// <param name="Subject">what was corrected, e.g. 9月完成投资</param>
public sealed record Revision(
    string OriginalIssue,
    string ProjectName,
    string Subject,
    string Previous,
    string Corrected,
    DateOnly RecordedOn,
    string Reason);
