using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Projects;
using static KeyWorks.Domain.Tests.Fixtures;

namespace KeyWorks.Domain.Tests.Figures;

public sealed class earned_value
{
    // 1200万 over 2026, 100万 planned each month; by June: 500万 spent, 40 % of the works done.
    private static readonly ProjectDetails Flat = new("示例道路", ProjectCategory.Road, "文苑街道", "1000米", Wan(1200), 0m,
        new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    private static ProjectState FlatProject() => DomainState.Empty.Apply([
        ProgrammeEvent, new ProjectRegistered("flat", Programme, Flat),
        new AnnualPlanSet("flat", 2026, [.. Enumerable.Repeat(Wan(100), 12)]),
    ]).Project("flat")!;

    [Fact]
    public void indices_follow_their_definitions()
    {
        var ev = EarnedValues.Compute(FlatProject(), new DateOnly(2026, 6, 30), Wan(500), 40m);
        Assert.Equal(Wan(1200), ev.Bac);
        Assert.Equal(Wan(600), ev.Pv);
        Assert.Equal(Wan(480), ev.Ev);
        Assert.Equal(Wan(500), ev.Ac);
        Assert.Equal(0.8m, ev.Spi);
        Assert.Equal(0.96m, ev.Cpi);
        Assert.Equal(Wan(1250), ev.Eac);
    }

    [Fact]
    public void earned_schedule_and_forecast_finish()
    {
        // PV reaches 480万 4/5 into May (400 → 500): 30 Apr + ⌈31 × 0.8⌉ = 25 May, 144 days after 1 Jan.
        // AT = 180 days; SPI(t) = 0.8; planned 364 days / 0.8 = 455 days → 1 Apr 2027.
        var ev = EarnedValues.Compute(FlatProject(), new DateOnly(2026, 6, 30), Wan(500), 40m);
        Assert.Equal(144, ev.EarnedScheduleDays);
        Assert.Equal(180, ev.ActualTimeDays);
        Assert.Equal(0.8m, ev.SpiT);
        Assert.Equal(new DateOnly(2027, 4, 1), ev.ForecastFinish);
    }

    [Fact]
    public void without_progress_or_spending_the_ratios_are_absent()
    {
        var ev = EarnedValues.Compute(FlatProject(), new DateOnly(2026, 6, 30), 0m, null);
        Assert.Null(ev.Cpi);
        Assert.Null(ev.Eac);
        Assert.Null(ev.SpiT);
        Assert.Equal(0m, ev.Spi);
    }

    [Fact]
    public void the_plan_curve_starts_from_work_done_before_the_year()
    {
        var road = DomainState.Empty.Apply(Basics).Project(Project)!;
        var curve = EarnedValues.PlanCurve(road);
        Assert.Equal(Wan(6200), EarnedValues.ValueAt(curve, new DateOnly(2026, 1, 1)));
        Assert.Equal(Wan(6200 + 7200), EarnedValues.ValueAt(curve, new DateOnly(2026, 5, 31)));
        Assert.Equal(Wan(25000), EarnedValues.ValueAt(curve, new DateOnly(2027, 1, 1)));
    }
}
