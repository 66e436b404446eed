namespace KeyWorks.Domain;

/// <summary>A rejection a user can cause. <see cref="Code"/> is stable; the message is for people and may change.</summary>
public sealed record DomainError(string Code, string Message, string? Field = null);

/// <summary>Thrown by a decision that rejects a command; no events are produced.</summary>
public sealed class DomainException(DomainError error) : Exception($"{error.Code}: {error.Message}")
{
    public DomainError Error { get; } = error;
}

/// <summary>The stable error codes.</summary>
public static class ErrorCodes
{
    public const string ProgrammeNotFound = "PROGRAMME_NOT_FOUND";
    public const string ProgrammeAlreadyRegistered = "PROGRAMME_ALREADY_REGISTERED";
    public const string ProjectNotFound = "PROJECT_NOT_FOUND";
    public const string ProjectAlreadyRegistered = "PROJECT_ALREADY_REGISTERED";
    public const string ProjectSuspended = "PROJECT_SUSPENDED";
    public const string ProjectCompleted = "PROJECT_COMPLETED";
    public const string ProjectNotSuspended = "PROJECT_NOT_SUSPENDED";
    public const string Forbidden = "FORBIDDEN";
    public const string Required = "REQUIRED";
    public const string NegativeAmount = "NEGATIVE_AMOUNT";
    public const string InvalidDates = "INVALID_DATES";
    public const string DateInFuture = "DATE_IN_FUTURE";
    public const string PlanNeeds12Months = "PLAN_NEEDS_12_MONTHS";
    public const string PlanAlreadySet = "PLAN_ALREADY_SET";
    public const string PlanNotSet = "PLAN_NOT_SET";
    public const string PlanExceedsTotalInvestment = "PLAN_EXCEEDS_TOTAL_INVESTMENT";
    public const string NodeNotFound = "NODE_NOT_FOUND";
    public const string NodeAlreadyPlanned = "NODE_ALREADY_PLANNED";
    public const string NodeSequenceTaken = "NODE_SEQUENCE_TAKEN";
    public const string NodeDateBeforePrevious = "NODE_DATE_BEFORE_PREVIOUS";
    public const string NodeDateAfterNext = "NODE_DATE_AFTER_NEXT";
    public const string NodeAlreadyReached = "NODE_ALREADY_REACHED";
    public const string NoPendingReport = "NO_PENDING_REPORT";
    public const string ReportForFutureMonth = "REPORT_FOR_FUTURE_MONTH";
    public const string ReportAlreadyExists = "REPORT_ALREADY_EXISTS";
    public const string ReportOutOfOrder = "REPORT_OUT_OF_ORDER";
    public const string ReportNotFound = "REPORT_NOT_FOUND";
    public const string AlreadyConfirmed = "ALREADY_CONFIRMED";
    public const string ReportNotPending = "REPORT_NOT_PENDING";
    public const string CumulativeDecreased = "CUMULATIVE_DECREASED";
    public const string CumulativeMismatch = "CUMULATIVE_MISMATCH";
    public const string OverTotalInvestmentNeedsReason = "OVER_TOTAL_INVESTMENT_NEEDS_REASON";
    public const string PercentOutOfRange = "PERCENT_OUT_OF_RANGE";
    public const string ProgressDecreased = "PROGRESS_DECREASED";
    public const string ScoreOutOfRange = "SCORE_OUT_OF_RANGE";
    public const string InspectionAlreadyScored = "INSPECTION_ALREADY_SCORED";
    public const string ProblemNotFound = "PROBLEM_NOT_FOUND";
    public const string ProblemAlreadyRaised = "PROBLEM_ALREADY_RAISED";
    public const string ProblemWrongStage = "PROBLEM_WRONG_STAGE";
    public const string ProblemNotOverdue = "PROBLEM_NOT_OVERDUE";
    public const string DeadlineInPast = "DEADLINE_IN_PAST";
    public const string UnknownCommand = "UNKNOWN_COMMAND";
}
