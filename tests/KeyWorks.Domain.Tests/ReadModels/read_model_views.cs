using KeyWorks.Domain.Demo;
using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Domain.Tests.Demo;

namespace KeyWorks.Domain.Tests.ReadModels;

public sealed class read_model_views
{
    [Fact]
    public void the_monthly_series_shows_plan_and_confirmed_actuals_up_to_the_reporting_month()
    {
        var zjdd = DemoData.Model.Projects["zjdd"].State;
        var series = MonthlySeries.For([zjdd], 2026, DemoProgramme.Today);
        Assert.Equal(12, series.Count);
        Assert.Equal(160_000_000m, series[^1].PlannedCumulative);
        Assert.Equal(93_000_000m, series[4].ActualCumulative);
        Assert.Equal(62m, series[4].PhysicalPercent);
        Assert.Equal(158_000_000m, series[9].ActualCumulative);
        Assert.Null(series[10].ActualInMonth);
    }

    [Fact]
    public void the_programme_series_sums_its_projects()
    {
        var projects = DemoData.Model.Projects.Values.Select(v => v.State).ToList();
        var series = MonthlySeries.For(projects, 2026, DemoProgramme.Today);
        var figures = ProjectViews.Figures(DemoData.Model, DemoProgramme.Today).ToList();
        Assert.Equal(figures.Sum(f => f.AnnualPlan), series[^1].PlannedCumulative);
        Assert.Equal(figures.Sum(f => f.AnnualCompleted), series[9].ActualCumulative);
        Assert.Null(series[9].PhysicalPercent);
    }

    [Fact]
    public void the_project_list_has_a_row_per_project_with_problem_counts()
    {
        var list = ProjectViews.List(DemoData.Model, DemoProgramme.Today);
        Assert.Equal(21, list.Count);
        var civic = list.Single(i => i.Figures.ProjectId == "smzx");
        Assert.Equal(StatusLight.Red, civic.Figures.Light);
        Assert.Equal(1, civic.OpenProblems);
        Assert.Equal(1, civic.OverdueProblems);
    }

    [Fact]
    public void a_report_after_the_25th_of_its_month_is_late()
    {
        var options = FigureOptions.Default;
        var month = new YearMonth(2026, 9);
        Assert.False(ProjectViews.IsLate(month, new DateTimeOffset(2026, 9, 25, 23, 0, 0, BusinessCalendar.ChinaOffset), options));
        Assert.True(ProjectViews.IsLate(month, new DateTimeOffset(2026, 9, 26, 8, 0, 0, BusinessCalendar.ChinaOffset), options));
        Assert.True(ProjectViews.IsLate(month, new DateTimeOffset(2026, 10, 3, 8, 0, 0, BusinessCalendar.ChinaOffset), options));
        var february = new YearMonth(2026, 2);
        var dueEndOfMonth = options with { ReportDueDay = 31 };
        Assert.False(ProjectViews.IsLate(february, new DateTimeOffset(2026, 2, 28, 20, 0, 0, BusinessCalendar.ChinaOffset), dueEndOfMonth));
        Assert.True(ProjectViews.IsLate(february, new DateTimeOffset(2026, 3, 1, 8, 0, 0, BusinessCalendar.ChinaOffset), dueEndOfMonth));
        var river = ProjectViews.Detail(DemoData.Model, "dslh", DemoProgramme.Today)!;
        Assert.Equal([6, 9], river.Reports.Where(r => r.Late).Select(r => r.Month.Month));
    }

    [Fact]
    public void the_project_detail_carries_the_node_timeline_with_replans()
    {
        var bridge = ProjectViews.Detail(DemoData.Model, "sylq", DemoProgramme.Today)!;
        Assert.Equal(["permits", "land", "start", "main-works", "acceptance", "operation"], bridge.Nodes.Select(n => n.NodeId));
        var start = bridge.Nodes.Single(n => n.NodeId == "start");
        Assert.Equal(new DateOnly(2026, 5, 15), start.PlannedDate);
        Assert.Equal(new DateOnly(2026, 7, 31), start.Deadline);
        Assert.Equal("征迁协议签订滞后，电力线路需先行迁改", Assert.Single(start.Replans).Reason);
        Assert.Equal(new DateOnly(2026, 8, 10), start.ReachedOn);
        Assert.False(start.OnTime);
    }

    [Fact]
    public void the_problem_board_shows_the_clocks_at_its_time()
    {
        var board = ProblemBoards.Build(DemoData.Model, DemoProgramme.Now);
        var funding = board.Cards.Single(c => c.ProblemId == "p-19");
        Assert.Equal([ProblemStage.Handled, ProblemStage.Closed], funding.OverdueStages);
        Assert.Equal([ProblemStage.Handled, ProblemStage.Closed], funding.EscalatedStages);
        Assert.Equal("王建国", board.Cards.Single(c => c.ProblemId == "p-21").LeaderName);
        // Earlier the same problem was not yet late.
        var before = ProblemBoards.Build(DemoData.Model, new DateTimeOffset(2026, 11, 12, 9, 0, 0, BusinessCalendar.ChinaOffset));
        Assert.Empty(before.Cards.Single(c => c.ProblemId == "p-19").OverdueStages);
    }

    [Fact]
    public void problems_due_for_escalation_are_those_with_a_late_stage_not_yet_escalated()
    {
        // At "now" every late stage of the demo has been escalated; a week later p-22 (accepted 19 Nov) is late in handling.
        Assert.Empty(ProblemBoards.DueForEscalation(DemoData.Model, DemoProgramme.Now));
        var later = ProblemBoards.DueForEscalation(DemoData.Model, DemoProgramme.Now.AddDays(7)).Select(c => c.ProblemId).ToList();
        Assert.Contains("p-22", later);
        Assert.DoesNotContain("p-01", later);
    }

    [Fact]
    public void nodes_due_in_a_month_show_whether_they_were_met()
    {
        var october = NodeSchedule.DueBetween(DemoData.Model, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 10, 31));
        Assert.All(october, l => Assert.InRange(l.Node.Deadline, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));
        var dredging = Assert.Single(october, l => l.Node.NodeId == "dredging");
        Assert.Equal(NodeStatus.InProgress, dredging.Node.Status);
        var november = NodeSchedule.DueBetween(DemoData.Model, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), DemoProgramme.Today);
        Assert.Equal(NodeStatus.Overdue, november.Single(l => l.Node.NodeId == "dredging").Node.Status);
    }
}
