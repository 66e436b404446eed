using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Projects;
using static KeyWorks.Domain.Tests.Fixtures;

namespace KeyWorks.Domain.Tests.Figures;

public sealed class project_figures
{
    // 紫荆大道: 6200万 before 2026, Jan–May 900 + 500 + 1800 + 2600 + 3500 = 9300万 → 15500万 = 1.55亿 of 2.5亿.
    private static readonly IDomainEvent[] ToMay =
    [
        .. Basics,
        .. ConfirmedMonth(1, 900, 7100), .. ConfirmedMonth(2, 500, 7600), .. ConfirmedMonth(3, 1800, 9400),
        .. ConfirmedMonth(4, 2600, 12000), .. ConfirmedMonth(5, 3500, 15500),
    ];

    private static ProjectState Road(params IDomainEvent[] more) => DomainState.Empty.Apply(ToMay).Apply(more).Project(Project)!;

    [Fact]
    public void zijing_avenue_has_completed_62_percent_of_its_total_investment_by_the_end_of_may()
    {
        var figures = ProjectFigureCalculator.Compute(Road(), new DateOnly(2026, 5, 31));
        Assert.Equal(Wan(15500), figures.CumulativeCompleted);
        Assert.Equal(62.00m, figures.TotalCompletionRate);
    }

    [Fact]
    public void annual_rate_time_progress_and_gap_follow_the_plan_curve()
    {
        // Plan Jan–May 800 + 600 + 1600 + 2000 + 2200 = 7200万 of 16000万 = 45.00 %; done 9300万 = 58.125 % → 58.13 %.
        var figures = ProjectFigureCalculator.Compute(Road(), new DateOnly(2026, 5, 31));
        Assert.Equal(Wan(16000), figures.AnnualPlan);
        Assert.Equal(Wan(7200), figures.PlannedToDate);
        Assert.Equal(Wan(9300), figures.AnnualCompleted);
        Assert.Equal(58.13m, figures.AnnualCompletionRate);
        Assert.Equal(45.00m, figures.TimeProgress);
        Assert.Equal(13.13m, figures.ProgressGap);
    }

    [Fact]
    public void mid_month_figures_count_the_months_that_have_ended()
    {
        var figures = ProjectFigureCalculator.Compute(Road(), new DateOnly(2026, 6, 10));
        Assert.Equal(new YearMonth(2026, 5), figures.ReportingMonth);
        Assert.Equal(Wan(7200), figures.PlannedToDate);
        var earlier = ProjectFigureCalculator.Compute(Road(), new DateOnly(2026, 5, 30));
        Assert.Equal(new YearMonth(2026, 4), earlier.ReportingMonth);
        Assert.Equal(Wan(12000), earlier.CumulativeCompleted);
    }

    [Fact]
    public void unconfirmed_reports_do_not_count()
    {
        var road = Road(new InvestmentReported(Project, M(6), Wan(1800), Wan(17300), Contractor.UserId, null));
        var figures = ProjectFigureCalculator.Compute(road, new DateOnly(2026, 6, 30));
        Assert.Equal(Wan(15500), figures.CumulativeCompleted);
    }

    [Fact]
    public void a_correction_changes_the_figures_from_then_on()
    {
        var road = Road(new InvestmentCorrected(Project, M(5), Wan(3500), Wan(3000), "调减", Office.UserId, true));
        Assert.Equal(60.00m, ProjectFigureCalculator.Compute(road, new DateOnly(2026, 5, 31)).TotalCompletionRate);
    }

    [Fact]
    public void physical_progress_far_from_the_investment_rate_is_flagged()
    {
        var near = Road(new PhysicalProgressReported(Project, M(5), 45m, "路基完成", Contractor.UserId),
            new PhysicalProgressConfirmed(Project, M(5), 45m, Office.UserId));
        var far = Road(new PhysicalProgressReported(Project, M(5), 41m, "路基完成", Contractor.UserId),
            new PhysicalProgressConfirmed(Project, M(5), 41m, Office.UserId));
        // 62 % invested: 45 % is 17 points off (within 20), 41 % is 21 points off.
        Assert.False(ProjectFigureCalculator.Compute(near, new DateOnly(2026, 5, 31)).ProgressMismatch);
        Assert.True(ProjectFigureCalculator.Compute(far, new DateOnly(2026, 5, 31)).ProgressMismatch);
    }

    [Fact]
    public void nodes_are_late_reached_or_due_as_of_the_date()
    {
        var road = Road(
            Node(StandardNodes.Land, 3, 31), Node(StandardNodes.Start, 4, 30), Node(StandardNodes.MainWorks, 5, 20),
            new NodeReportConfirmed(Project, StandardNodes.Land, new DateOnly(2026, 3, 30), Office.UserId),
            new NodeReportConfirmed(Project, StandardNodes.Start, new DateOnly(2026, 5, 3), Office.UserId));
        var timeline = NodeFigures.Timeline(road, new DateOnly(2026, 5, 31));
        Assert.Equal([NodeStatus.Done, NodeStatus.Done, NodeStatus.Overdue], timeline.Select(n => n.Status));
        Assert.Equal(11, timeline[2].OverdueDays);
        var figures = ProjectFigureCalculator.Compute(road, new DateOnly(2026, 5, 31));
        Assert.Equal((3, 1), (figures.NodesDue, figures.NodesMet));
        Assert.True(figures.Started);
        Assert.Equal(StatusLight.Yellow, figures.Light);
    }

    [Fact]
    public void a_node_is_in_progress_once_the_one_before_it_is_reached()
    {
        var road = Road(Node(StandardNodes.Land, 3, 31), Node(StandardNodes.Start, 7, 30), Node(StandardNodes.MainWorks, 9, 20),
            new NodeReportConfirmed(Project, StandardNodes.Land, new DateOnly(2026, 3, 30), Office.UserId));
        var timeline = NodeFigures.Timeline(road, new DateOnly(2026, 5, 31));
        Assert.Equal([NodeStatus.Done, NodeStatus.InProgress, NodeStatus.NotStarted], timeline.Select(n => n.Status));
        Assert.Equal(["已完成", "进行中", "未开始"], timeline.Select(n => NodeFigures.Chinese(n.Status)));
    }

    [Fact]
    public void a_replanned_node_is_measured_against_its_new_date()
    {
        var road = Road(Node(StandardNodes.Land, 3, 31),
            new NodeReplanned(Project, StandardNodes.Land, new DateOnly(2026, 3, 31), new DateOnly(2026, 6, 30), "征迁滞后"));
        var figures = ProjectFigureCalculator.Compute(road, new DateOnly(2026, 5, 31));
        Assert.Equal(0, figures.NodesOverdue);
        Assert.Equal(StatusLight.Green, figures.Light);
    }
}
