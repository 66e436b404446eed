using KeyWorks.Domain;
using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.ReadModels;

namespace KeyWorks.Server.Api;

/// <summary>
/// A problem (<c>Problem</c>) with its 1-6-10 clocks read at <paramref name="at"/> (now, or the <c>asOf</c> instant).
/// The three clocks all start at the assignment (or the latest reopening); none runs before the problem is assigned.
/// </summary>
public sealed class ProblemResult(KeyWorksReadModel model, ProblemState problem, DateOnly asOf, DateTimeOffset at)
{
    private ProblemClockSet? _clocks;
    private bool _clocksRead;

    internal ProblemState State => problem;

    public string Id => ApiObjects.GlobalId("Problem", problem.Id);

    public object? Project => model.Projects.TryGetValue(problem.ProjectId, out var view) ? new ProjectResult(model, view.State, asOf) : null;

    public string Category => ProjectFields.EnumName(problem.Category);

    /// <summary>The description as raised; the title when the description is empty.</summary>
    public string Description => string.IsNullOrWhiteSpace(problem.Description) ? problem.Title : problem.Description;

    public string Stage => ProjectFields.EnumName(problem.Stage);

    public object? AssignedUnit => problem.Unit is { } unit ? ApiObjects.Unit(unit) : null;

    public DateOnly? Deadline => problem.Deadline;

    public string RaisedBy => problem.RaisedBy;

    public DateTimeOffset RaisedAt => China(problem.RaisedAt);

    public IReadOnlyList<Dictionary<string, object?>> Clocks =>
        ClockSet is { } clocks && problem.ClockStart is { } start
            ? [.. clocks.All.Select(c => new Dictionary<string, object?>
            {
                ["stage"] = ProjectFields.EnumName(c.Stage),
                ["startedAt"] = China(start),
                ["dueAt"] = China(c.Due),
                ["doneAt"] = c.DoneAt is { } done ? China(done) : null,
                ["overdueDays"] = OverdueDays(c),
                ["note"] = NoteOf(c.Stage),
            })]
            : [];

    /// <summary>What was written when a stage was done: the note of 受理, what was done (办理), the evidence of 销号.</summary>
    private string? NoteOf(ProblemStage stage) => stage switch
    {
        ProblemStage.Accepted when problem.AcceptedAt is not null => problem.AcceptNote,
        ProblemStage.Handled when problem.HandledAt is not null => problem.Action,
        ProblemStage.Closed when problem.ClosedAt is not null => problem.Evidence,
        _ => null,
    };

    /// <summary>True while a stage that is not done is past its due time.</summary>
    public bool Overdue => ClockSet?.RunningLate.Any() == true;

    public bool Escalated => problem.EscalatedStages.Count > 0;

    /// <summary>The evidence of the closing in force (none after a reopening).</summary>
    public string? ClosingEvidence => problem.Stage == ProblemStage.Closed ? problem.Evidence : null;

    public int ReopenCount => problem.Reopened;

    private ProblemClockSet? ClockSet
    {
        get
        {
            if (!_clocksRead)
            {
                _clocks = ProblemClocks.At(problem, at, FigureOptions.Default.Clocks);
                _clocksRead = true;
            }

            return _clocks;
        }
    }

    /// <summary>Instants are shown in China time, whatever offset they were recorded with.</summary>
    private static DateTimeOffset China(DateTimeOffset instant) => instant.ToOffset(BusinessCalendar.ChinaOffset);

    /// <summary>Whole days late, any part of a day counting as one; 0 when on time.</summary>
    internal static int OverdueDays(StageClock clock) => clock.Overdue ? (int)Math.Ceiling(clock.OverdueDays) : 0;
}

/// <summary>
/// An inspection score (<c>Inspection</c>). Its flag is the project's flag in the programme's monthly ranking (月排名) of
/// the inspection's month, as the model knows it.
/// </summary>
public sealed class InspectionResult(KeyWorksReadModel model, ProjectState project, InspectionScore inspection, DateOnly asOf)
{
    public string Id => ApiObjects.GlobalId("Inspection", $"{project.Id}/{inspection.InspectionId}");

    public object Project => new ProjectResult(model, project, asOf);

    public DateOnly InspectedOn => inspection.InspectedOn;

    public decimal Score => inspection.Score;

    public string? Remarks => string.IsNullOrEmpty(inspection.Remarks) ? null : inspection.Remarks;

    public string Inspector => inspection.Inspector;

    public string? Flag => MonthlyFlags.Of(model, project.ProgrammeId, YearMonth.Of(inspection.InspectedOn)).GetValueOrDefault(project.Id) switch
    {
        Domain.Rankings.Flag.Red => "RED",
        Domain.Rankings.Flag.Black => "BLACK",
        _ => null,
    };
}
