namespace KeyWorks.Domain.Problems;

public enum ProblemCategory
{
    Funding,
    Land,
    Relocation,
    Approvals,
    Utilities,
    Safety,
    Other,
}

/// <summary>Raised → 交办 Assigned → 受理 Accepted → 办理 Handled → 办结销号 Closed; a reopened problem is assigned again.</summary>
public enum ProblemStage
{
    Raised,
    Assigned,
    Accepted,
    Handled,
    Closed,
}

/// <summary>The problem aggregate. Clock times are instants; the 1-6-10 clocks run from <see cref="ClockStart"/>.</summary>
public sealed record ProblemState(
    string Id,
    string ProjectId,
    ProblemCategory Category,
    string Title,
    string Description,
    string RaisedBy,
    DateTimeOffset RaisedAt,
    ProblemStage Stage,
    string? Unit,
    DateOnly? Deadline,
    DateTimeOffset? ClockStart,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? HandledAt,
    DateTimeOffset? ClosedAt,
    string? Action,
    string? Evidence,
    int Reopened,
    IReadOnlyList<ProblemStage> EscalatedStages,
    string? AcceptNote = null)
{
    public static ProblemState Create(ProblemRaised e) =>
        new(e.ProblemId, e.ProjectId, e.Category, e.Title, e.Description, e.RaisedBy, e.RaisedAt, ProblemStage.Raised,
            null, null, null, null, null, null, null, null, 0, []);

    public static ProblemState? Evolve(ProblemState? state, IProblemEvent @event) => @event switch
    {
        ProblemRaised raised => Create(raised),
        _ => state?.Apply(@event),
    };

    public ProblemState Apply(IProblemEvent @event) => @event switch
    {
        ProblemAssigned e => this with
        {
            Stage = ProblemStage.Assigned, Unit = e.Unit, Deadline = e.Deadline, ClockStart = e.AssignedAt,
            AcceptedAt = null, HandledAt = null, ClosedAt = null, EscalatedStages = [], AcceptNote = null,
        },
        ProblemAccepted e => this with { Stage = ProblemStage.Accepted, AcceptedAt = e.AcceptedAt, AcceptNote = e.Note },
        ProblemHandled e => this with { Stage = ProblemStage.Handled, HandledAt = e.HandledAt, Action = e.Action },
        ProblemClosed e => this with { Stage = ProblemStage.Closed, ClosedAt = e.ClosedAt, Evidence = e.Evidence },
        ProblemReopened e => this with
        {
            Stage = ProblemStage.Assigned, ClockStart = e.ReopenedAt, Deadline = e.NewDeadline,
            AcceptedAt = null, HandledAt = null, ClosedAt = null, Reopened = Reopened + 1, EscalatedStages = [], AcceptNote = null,
        },
        ProblemEscalated e => this with { EscalatedStages = [.. EscalatedStages, e.OverdueStage] },
        _ => this,
    };
}
