using KeyWorks.Domain.Projects;
using KeyWorks.Domain.Scheduling;
using static KeyWorks.Domain.Tests.Fixtures;

namespace KeyWorks.Domain.Tests.Scheduling;

public sealed class backward_scheduling
{
    private static readonly IReadOnlyList<ChainNode> Chain =
    [
        new("permits", "手续办理", 60),
        new("land", "征迁交地", 45, new DateOnly(2026, 5, 31)),
        new("start", "开工建设", 270, new DateOnly(2026, 6, 30)),
        new("main-works", "主体完工", 90),
        new("acceptance", "竣工验收", 60),
        new("operation", "投产达效", 0),
    ];

    [Fact]
    public void latest_dates_run_back_from_the_target_through_the_typical_durations()
    {
        // Operation 31 Dec 2027 → acceptance −60 = 1 Nov → main works −90 = 3 Aug → start −270 = 6 Nov 2026
        // → land −45 = 22 Sep 2026 → permits −60 = 24 Jul 2026.
        var schedule = BackwardScheduling.Derive(Chain, "operation", new DateOnly(2027, 12, 31), new DateOnly(2026, 6, 10));
        Assert.Equal(
            [new DateOnly(2026, 7, 24), new DateOnly(2026, 9, 22), new DateOnly(2026, 11, 6), new DateOnly(2027, 8, 3),
             new DateOnly(2027, 11, 1), new DateOnly(2027, 12, 31)],
            schedule.Select(n => n.LatestAllowed));
        Assert.DoesNotContain(schedule, n => n.AlreadyPast || n.PlannedTooLate);
    }

    [Fact]
    public void latest_dates_already_past_are_flagged()
    {
        // Main works by 31 Mar 2027: start by 4 Jul 2026, land by 20 May 2026, permits by 21 Mar 2026; today is 1 Jun 2026.
        var schedule = BackwardScheduling.Derive(Chain, "main-works", new DateOnly(2027, 3, 31), new DateOnly(2026, 6, 1));
        Assert.Equal(4, schedule.Count);
        Assert.Equal(new DateOnly(2026, 5, 20), schedule[1].LatestAllowed);
        Assert.Equal([true, true, false, false], schedule.Select(n => n.AlreadyPast));
    }

    [Fact]
    public void a_reached_node_is_never_past()
    {
        IReadOnlyList<ChainNode> chain = [Chain[0] with { ReachedOn = new DateOnly(2026, 3, 1) }, .. Chain.Skip(1)];
        var schedule = BackwardScheduling.Derive(chain, "main-works", new DateOnly(2027, 3, 31), new DateOnly(2026, 6, 1));
        Assert.Equal([false, true, false, false], schedule.Select(n => n.AlreadyPast));
    }

    [Fact]
    public void current_deadlines_later_than_allowed_are_flagged()
    {
        // Start by 4 Jul 2026 is allowed, planned 30 Jun: fine; land allowed by 20 May, planned 31 May: too late.
        var schedule = BackwardScheduling.Derive(Chain, "main-works", new DateOnly(2027, 3, 31), new DateOnly(2026, 1, 1));
        Assert.Equal([false, true, false, false], schedule.Select(n => n.PlannedTooLate));
    }

    [Fact]
    public void the_target_date_itself_is_the_last_latest_date()
    {
        var schedule = BackwardScheduling.Derive(Chain, "permits", new DateOnly(2026, 8, 1), new DateOnly(2026, 1, 1));
        Assert.Equal(new DateOnly(2026, 8, 1), Assert.Single(schedule).LatestAllowed);
    }

    [Fact]
    public void an_unknown_target_fails()
    {
        var error = Assert.Throws<DomainException>(() => BackwardScheduling.Derive(Chain, "nope", new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1)));
        Assert.Equal(ErrorCodes.NodeNotFound, error.Error.Code);
    }

    [Fact]
    public void a_projects_own_nodes_can_be_scheduled_back_from_its_completion()
    {
        var road = DomainState.Empty.Apply([
            .. Basics, Node(StandardNodes.Land, 3, 31), Node(StandardNodes.Start, 4, 30), Node(StandardNodes.MainWorks, 9, 30),
            new NodeReportConfirmed(Project, StandardNodes.Land, new DateOnly(2026, 3, 30), Office.UserId),
        ]).Project(Project)!;
        var schedule = BackwardScheduling.ForProject(road, StandardNodes.MainWorks, new DateOnly(2026, 12, 31), new DateOnly(2026, 6, 10));
        // Start −270 days from 31 Dec 2026 = 5 Apr 2026, already past and not reached; land was reached.
        Assert.Equal(new DateOnly(2026, 4, 5), schedule[1].LatestAllowed);
        Assert.Equal([false, true, false], schedule.Select(n => n.AlreadyPast));
        Assert.True(schedule[1].PlannedTooLate);
    }
}
