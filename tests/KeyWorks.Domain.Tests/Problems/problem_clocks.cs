using KeyWorks.Domain.Problems;

namespace KeyWorks.Domain.Tests.Problems;

public sealed class problem_clocks
{
    private static readonly DateTimeOffset Assigned = new(2026, 6, 1, 10, 0, 0, BusinessCalendar.ChinaOffset);

    private static ProblemState Problem(DateOnly? deadline = null, DateTimeOffset? acceptedAt = null, DateTimeOffset? handledAt = null,
        DateTimeOffset? closedAt = null) =>
        new("p", "road", ProblemCategory.Land, "征迁", "", "u", Assigned.AddHours(-1),
            closedAt is not null ? ProblemStage.Closed : handledAt is not null ? ProblemStage.Handled
            : acceptedAt is not null ? ProblemStage.Accepted : ProblemStage.Assigned,
            "文苑街道", deadline ?? new DateOnly(2026, 6, 11), Assigned, acceptedAt, handledAt, closedAt, null, null, 0, []);

    [Fact]
    public void acceptance_is_due_one_day_after_assignment()
    {
        Assert.Empty(ProblemClocks.At(Problem(), Assigned.AddDays(1))!.RunningLate);
        var late = ProblemClocks.At(Problem(), Assigned.AddDays(1).AddMinutes(1))!;
        Assert.Equal([ProblemStage.Accepted], late.RunningLate.Select(c => c.Stage));
    }

    [Fact]
    public void handling_is_due_six_days_after_assignment()
    {
        var accepted = Problem(acceptedAt: Assigned.AddHours(2));
        Assert.Empty(ProblemClocks.At(accepted, Assigned.AddDays(6))!.RunningLate);
        Assert.Equal([ProblemStage.Handled], ProblemClocks.At(accepted, Assigned.AddDays(6).AddMinutes(1))!.RunningLate.Select(c => c.Stage));
    }

    [Fact]
    public void closing_is_due_at_the_end_of_the_tenth_day()
    {
        var handled = Problem(acceptedAt: Assigned.AddHours(2), handledAt: Assigned.AddDays(3));
        var endOfDeadline = new DateTimeOffset(2026, 6, 12, 0, 0, 0, BusinessCalendar.ChinaOffset);
        Assert.Empty(ProblemClocks.At(handled, endOfDeadline)!.RunningLate);
        Assert.Equal([ProblemStage.Closed], ProblemClocks.At(handled, endOfDeadline.AddMinutes(1))!.RunningLate.Select(c => c.Stage));
    }

    [Fact]
    public void a_stage_done_late_stays_marked_late_but_is_not_running()
    {
        var clocks = ProblemClocks.At(Problem(acceptedAt: Assigned.AddDays(2)), Assigned.AddDays(3))!;
        Assert.True(clocks.Accept.Overdue);
        Assert.Equal(1.0, clocks.Accept.OverdueDays);
        Assert.Empty(clocks.RunningLate);
    }

    [Fact]
    public void a_short_deadline_pulls_the_handling_clock_in()
    {
        var clocks = ProblemClocks.At(Problem(deadline: new DateOnly(2026, 6, 3)), Assigned)!;
        Assert.Equal(new DateTimeOffset(2026, 6, 4, 0, 0, 0, BusinessCalendar.ChinaOffset), clocks.Handle.Due);
    }

    [Fact]
    public void the_clock_lengths_are_configurable()
    {
        var clocks = ProblemClocks.At(Problem(), Assigned, new ProblemClockOptions(AcceptDays: 2, HandleDays: 5))!;
        Assert.Equal(Assigned.AddDays(2), clocks.Accept.Due);
        Assert.Equal(Assigned.AddDays(5), clocks.Handle.Due);
    }

    [Fact]
    public void an_unassigned_problem_has_no_clocks()
    {
        var raised = Problem() with { Stage = ProblemStage.Raised, ClockStart = null };
        Assert.Null(ProblemClocks.At(raised, Assigned));
    }
}
