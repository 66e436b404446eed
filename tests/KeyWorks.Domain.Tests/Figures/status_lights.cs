using System.Globalization;
using KeyWorks.Domain.Figures;

namespace KeyWorks.Domain.Tests.Figures;

public sealed class status_lights
{
    private static readonly LightThresholds Defaults = new();
    private static readonly DateOnly AsOf = new(2026, 6, 10);
    private static readonly DateOnly StartLongAgo = new(2026, 1, 1);

    private static StatusLight Light(decimal? gap, IReadOnlyList<NodeLine>? overdue = null, DateOnly? plannedStart = null, bool started = true,
        LightThresholds? thresholds = null) =>
        StatusLights.Decide(gap, overdue ?? [], plannedStart ?? StartLongAgo, started, AsOf, thresholds ?? Defaults).Light;

    private static NodeLine OverdueNode(DateOnly deadline) =>
        new("land", "征迁交地", 20, deadline, deadline, [], null, null, NodeStatus.Overdue, AsOf.DayNumber - deadline.DayNumber, false);

    [Theory]
    [InlineData("5", StatusLight.Green)]
    [InlineData("0", StatusLight.Green)]
    [InlineData("-9.99", StatusLight.Green)]
    [InlineData("-10", StatusLight.Yellow)]
    [InlineData("-20", StatusLight.Yellow)]
    [InlineData("-30", StatusLight.Yellow)]
    [InlineData("-30.01", StatusLight.Red)]
    [InlineData("-55", StatusLight.Red)]
    public void the_gap_to_time_progress_sets_the_light_at_10_and_30_points(string gap, StatusLight expected) =>
        Assert.Equal(expected, Light(decimal.Parse(gap, CultureInfo.InvariantCulture)));

    [Fact]
    public void a_project_without_a_plan_is_not_behind() => Assert.Equal(StatusLight.Green, Light(null));

    [Fact]
    public void a_node_overdue_less_than_a_month_is_yellow() =>
        // Deadline 11 May: on 10 June it is 30 days late, one day short of a month.
        Assert.Equal(StatusLight.Yellow, Light(0m, [OverdueNode(new DateOnly(2026, 5, 11))]));

    [Fact]
    public void a_node_overdue_a_month_is_red() =>
        Assert.Equal(StatusLight.Red, Light(0m, [OverdueNode(new DateOnly(2026, 5, 10))]));

    [Fact]
    public void a_planned_start_missed_by_three_months_is_red()
    {
        Assert.Equal(StatusLight.Red, Light(0m, plannedStart: new DateOnly(2026, 3, 10), started: false));
        Assert.Equal(StatusLight.Green, Light(0m, plannedStart: new DateOnly(2026, 3, 11), started: false));
        Assert.Equal(StatusLight.Green, Light(0m, plannedStart: new DateOnly(2026, 3, 10), started: true));
    }

    [Fact]
    public void thresholds_come_from_the_options()
    {
        var strict = new LightThresholds(YellowBehindPoints: 5m, RedBehindPoints: 15m);
        Assert.Equal(StatusLight.Yellow, Light(-5m, thresholds: strict));
        Assert.Equal(StatusLight.Red, Light(-15.5m, thresholds: strict));
        Assert.Equal(StatusLight.Yellow, Light(-15.5m));
    }

    [Fact]
    public void the_reasons_name_the_rules_that_fired()
    {
        var (light, reasons) = StatusLights.Decide(-31m, [OverdueNode(new DateOnly(2026, 6, 1))], StartLongAgo, true, AsOf, Defaults);
        Assert.Equal(StatusLight.Red, light);
        Assert.Equal(["慢于序时进度31个百分点", "节点“征迁交地”逾期9天"], reasons);
    }
}
