using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Projects;
using static KeyWorks.Domain.Tests.Fixtures;

namespace KeyWorks.Domain.Tests.Figures;

public sealed class group_figures
{
    private static ProjectFigures Figures(string id, string township, decimal plan, decimal planned, decimal done, bool plannedToStart, bool started,
        StatusLight light) =>
        new(id, id, Programme, ProjectCategory.Road, township, "区住建局", "leader-wang", "王建国", ProjectStatus.Active,
            new DateOnly(2026, 5, 31), new YearMonth(2026, 5), plan * 2, plan, planned, done, done, null, null, null, null, null, null, false,
            plannedToStart, started, 2, 1, 0, 0, new EarnedValue(plan * 2, planned, done, done, null, null, null, null, 0, null, null), light, []);

    [Fact]
    public void group_rates_are_computed_from_the_sums()
    {
        // 100 planned, 50 due, 60 done + 300 planned, 150 due, 90 done → 150 / 400 = 37.5 %, 序时 200 / 400 = 50 %.
        var sum = GroupFigureCalculator.Sum("文昌街道", [
            Figures("a", "文昌街道", 100, 50, 60, true, true, StatusLight.Green),
            Figures("b", "文昌街道", 300, 150, 90, true, false, StatusLight.Red),
        ]);
        Assert.Equal(37.50m, sum.AnnualCompletionRate);
        Assert.Equal(50.00m, sum.TimeProgress);
        Assert.Equal(-12.50m, sum.ProgressGap);
        Assert.Equal(50.00m, sum.StartRate);
        Assert.Equal(50.00m, sum.NodePunctuality);
        Assert.Equal((1, 0, 1), (sum.Green, sum.Yellow, sum.Red));
        // PV 200, EV 150, AC 150 → SPI 0.75, CPI 1.
        Assert.Equal((0.75m, 1m), (sum.Spi!.Value, sum.Cpi!.Value));
    }

    [Fact]
    public void the_start_rate_counts_only_projects_planned_to_start_by_now()
    {
        var sum = GroupFigureCalculator.Sum("all", [
            Figures("a", "x", 1, 1, 1, true, true, StatusLight.Green),
            Figures("b", "x", 1, 1, 1, false, true, StatusLight.Green),
            Figures("c", "x", 1, 1, 1, true, false, StatusLight.Green),
            Figures("d", "x", 1, 1, 1, false, false, StatusLight.Green),
        ]);
        Assert.Equal((2, 1, 2), (sum.PlannedToStart, sum.StartedOfPlanned, sum.Started));
        Assert.Equal(50.00m, sum.StartRate);
    }

    [Fact]
    public void grouping_by_township_gives_one_row_per_township()
    {
        var rows = GroupFigureCalculator.By(GroupBy.Township, [
            Figures("a", "文昌街道", 100, 50, 60, true, true, StatusLight.Green),
            Figures("b", "李万街道", 300, 150, 90, true, false, StatusLight.Red),
            Figures("c", "文昌街道", 100, 50, 40, true, true, StatusLight.Yellow),
        ]);
        Assert.Equal(["文昌街道", "李万街道"], rows.Select(r => r.Key));
        Assert.Equal(50.00m, rows.Single(r => r.Key == "文昌街道").AnnualCompletionRate);
    }
}
