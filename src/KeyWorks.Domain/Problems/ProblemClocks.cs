namespace KeyWorks.Domain.Problems;

/// <summary>The 1-6-10 rule: accept within 1 day of assignment, handle within 6, close within 10 (configurable).</summary>
public sealed record ProblemClockOptions(int AcceptDays = 1, int HandleDays = 6, int CloseDays = 10)
{
    public static readonly ProblemClockOptions Default = new();
}

/// <summary>One stage's clock: when it is due, when it was done, and how late it is (or was).</summary>
public sealed record StageClock(ProblemStage Stage, DateTimeOffset Due, DateTimeOffset? DoneAt, bool Overdue, double OverdueDays);

public sealed record ProblemClockSet(StageClock Accept, StageClock Handle, StageClock Close)
{
    public IEnumerable<StageClock> All => [Accept, Handle, Close];

    /// <summary>Stages that are running late now and not done (the ones to escalate).</summary>
    public IEnumerable<StageClock> RunningLate => All.Where(c => c.Overdue && c.DoneAt is null);
}

public static class ProblemClocks
{
    /// <summary>
    /// The clocks of an assigned problem at <paramref name="now"/>; null before assignment. Accept and handle run
    /// 1 and 6 days from the assignment (or reopening); close runs to the end of the assigned deadline, which
    /// defaults to 10 days. A handle clock never runs past the close clock.
    /// </summary>
    public static ProblemClockSet? At(ProblemState problem, DateTimeOffset now, ProblemClockOptions? options = null)
    {
        if (problem.ClockStart is not { } start) return null;
        options ??= ProblemClockOptions.Default;
        var closeDue = problem.Deadline is { } deadline ? BusinessCalendar.EndOf(deadline) : start.AddDays(options.CloseDays);
        var acceptDue = Min(start.AddDays(options.AcceptDays), closeDue);
        var handleDue = Min(start.AddDays(options.HandleDays), closeDue);
        return new ProblemClockSet(
            Clock(ProblemStage.Accepted, acceptDue, problem.AcceptedAt, now),
            Clock(ProblemStage.Handled, handleDue, problem.HandledAt, now),
            Clock(ProblemStage.Closed, closeDue, problem.ClosedAt, now));
    }

    /// <summary>Stages running late at <paramref name="now"/> that have not been escalated yet.</summary>
    public static IReadOnlyList<StageClock> ToEscalate(ProblemState problem, DateTimeOffset now, ProblemClockOptions? options = null) =>
        At(problem, now, options)?.RunningLate.Where(c => !problem.EscalatedStages.Contains(c.Stage)).ToList() ?? [];

    /// <summary>The default deadline for an assignment made at <paramref name="assignedAt"/>: 10 days on.</summary>
    public static DateOnly DefaultDeadline(DateTimeOffset assignedAt, ProblemClockOptions? options = null) =>
        BusinessCalendar.DateOf(assignedAt).AddDays((options ?? ProblemClockOptions.Default).CloseDays);

    private static StageClock Clock(ProblemStage stage, DateTimeOffset due, DateTimeOffset? doneAt, DateTimeOffset now)
    {
        var end = doneAt ?? now;
        var late = end > due;
        return new StageClock(stage, due, doneAt, late, late ? Math.Round((end - due).TotalDays, 2, MidpointRounding.AwayFromZero) : 0);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
