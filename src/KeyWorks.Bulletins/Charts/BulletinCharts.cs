using System.Globalization;
using System.Text.Json.Nodes;
using KeyWorks.Bulletins.Model;

namespace KeyWorks.Bulletins.Charts;

/// <summary>
/// Builds the ECharts options of the bulletin from the model. Charts that illustrate a table are derived
/// from that table's rows, so a chart never shows a figure the table does not.
/// </summary>
public static class BulletinCharts
{
    internal const string FontFamily = "Noto Sans CJK SC";
    private const string Green = "#3a9a5b";
    private const string Yellow = "#e0a526";
    private const string Red = "#c8322f";
    private const string Blue = "#2f6fb0";
    private const string Grey = "#9aa3ad";
    private const string Ink = "#333333";

    /// <summary>投资完成率 per project as bars coloured by status light, against the programme's 序时进度 line.</summary>
    public static ChartSpec CompletionByProject(string id, IReadOnlyList<ProjectProgress> projects, decimal programmeTimeProgress)
    {
        // Horizontal bars read top-down in the table's order, so the category axis is inverted.
        var names = new JsonArray(projects.Select(p => (JsonNode)p.Name).ToArray());
        var bars = new JsonArray(projects.Select(p => (JsonNode)new JsonObject
        {
            ["value"] = Pct(p.CompletionRate),
            ["itemStyle"] = new JsonObject { ["color"] = LightColor(p.Light) },
            // The label text is formatted here: ECharts would print 34.0 as "34".
            ["label"] = new JsonObject { ["formatter"] = BulletinFormat.Percent(p.CompletionRate) },
        }).ToArray());
        var max = Math.Max(100m, Math.Ceiling(projects.Select(p => Pct(p.CompletionRate)).DefaultIfEmpty(0m).Max() / 20m) * 20m);
        var option = Base();
        option["grid"] = new JsonObject { ["left"] = 8, ["right"] = 46, ["top"] = 22, ["bottom"] = 24, ["containLabel"] = true };
        option["xAxis"] = new JsonObject
        {
            ["type"] = "value",
            ["max"] = max,
            ["axisLabel"] = new JsonObject { ["formatter"] = "{value}%" },
            ["splitLine"] = new JsonObject { ["lineStyle"] = new JsonObject { ["color"] = "#e3e6ea" } },
        };
        option["yAxis"] = new JsonObject
        {
            ["type"] = "category",
            ["inverse"] = true,
            ["data"] = names,
            ["axisTick"] = new JsonObject { ["show"] = false },
            ["axisLabel"] = new JsonObject { ["width"] = 190, ["overflow"] = "truncate", ["fontSize"] = 9, ["interval"] = 0 },
        };
        option["series"] = new JsonArray
        {
            new JsonObject
            {
                ["name"] = "完成率",
                ["type"] = "bar",
                ["data"] = bars,
                ["barWidth"] = "60%",
                ["itemStyle"] = new JsonObject { ["color"] = Blue },
                // A white ground keeps a value readable where the 序时进度 line crosses it.
                ["label"] = new JsonObject { ["show"] = true, ["position"] = "right", ["fontSize"] = 8, ["color"] = Ink, ["backgroundColor"] = "#ffffff", ["padding"] = new JsonArray { 0, 2 } },
                ["z"] = 3,
            },
            new JsonObject
            {
                // The 序时进度 line sits beneath the bars (mark lines default to z 5), so bar labels stay on top of it.
                ["type"] = "scatter",
                ["data"] = new JsonArray(),
                ["z"] = 1,
                ["markLine"] = new JsonObject
                {
                    ["z"] = 1,
                    ["symbol"] = "none",
                    ["silent"] = true,
                    ["lineStyle"] = new JsonObject { ["color"] = Red, ["type"] = "dashed", ["width"] = 1.2 },
                    ["label"] = new JsonObject { ["formatter"] = $"全区序时进度 {Pct(programmeTimeProgress).ToString("0.0", CultureInfo.InvariantCulture)}%", ["position"] = "start", ["fontSize"] = 9, ["color"] = Red },
                    ["data"] = new JsonArray { new JsonObject { ["xAxis"] = Pct(programmeTimeProgress) } },
                },
            },
        };
        return new ChartSpec(id, "各项目年度投资完成率（条形颜色为状态灯，虚线为全区序时进度）", 174, Math.Clamp(12 + (projects.Count * 21 / 5), 50, 225), option);
    }

    /// <summary>The programme's cumulative planned and completed investment (亿元) by month: the S-curve.</summary>
    public static ChartSpec Curve(string id, ProgrammeCurve curve)
    {
        var months = new JsonArray(curve.Points.Select(p => (JsonNode)$"{p.Month}月").ToArray());
        var planned = new JsonArray(curve.Points.Select(p => (JsonNode)InYi(p.PlannedCumulative)).ToArray());
        var actual = new JsonArray(curve.Points.Select(p => p.ActualCumulative is { } a ? (JsonNode)InYi(a) : null).ToArray());
        var option = Base();
        option["legend"] = Legend("计划累计", "实际累计");
        option["grid"] = new JsonObject { ["left"] = 8, ["right"] = 16, ["top"] = 34, ["bottom"] = 8, ["containLabel"] = true };
        option["xAxis"] = new JsonObject { ["type"] = "category", ["boundaryGap"] = false, ["data"] = months, ["axisLabel"] = new JsonObject { ["fontSize"] = 9, ["interval"] = 0 } };
        option["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = "亿元", ["nameTextStyle"] = new JsonObject { ["fontSize"] = 9 }, ["axisLabel"] = new JsonObject { ["fontSize"] = 9 } };
        option["series"] = new JsonArray
        {
            new JsonObject { ["name"] = "计划累计", ["type"] = "line", ["data"] = planned, ["smooth"] = true, ["symbol"] = "none", ["lineStyle"] = new JsonObject { ["type"] = "dashed", ["color"] = Grey, ["width"] = 2 }, ["itemStyle"] = new JsonObject { ["color"] = Grey } },
            new JsonObject { ["name"] = "实际累计", ["type"] = "line", ["data"] = actual, ["smooth"] = true, ["symbolSize"] = 5, ["lineStyle"] = new JsonObject { ["color"] = Blue, ["width"] = 2.5 }, ["itemStyle"] = new JsonObject { ["color"] = Blue }, ["areaStyle"] = new JsonObject { ["color"] = "rgba(47,111,176,0.10)" } },
        };
        return new ChartSpec(id, "全区计划与实际累计完成投资（S曲线）", 100, 70, option);
    }

    /// <summary>How many projects show each status light.</summary>
    public static ChartSpec LightDistribution(string id, IReadOnlyList<ProjectProgress> projects)
    {
        var slices = new JsonArray(
            new[] { StatusLight.Green, StatusLight.Yellow, StatusLight.Red }
                .Select(light => (JsonNode)new JsonObject
                {
                    ["name"] = BulletinFormat.Light(light),
                    ["value"] = projects.Count(p => p.Light == light),
                    ["itemStyle"] = new JsonObject { ["color"] = LightColor(light) },
                })
                .ToArray());
        var option = Base();
        option["legend"] = new JsonObject { ["bottom"] = 0, ["itemWidth"] = 10, ["itemHeight"] = 10, ["textStyle"] = new JsonObject { ["fontSize"] = 9 } };
        option["series"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "pie",
                ["radius"] = new JsonArray { "38%", "62%" },
                ["center"] = new JsonArray { "50%", "46%" },
                ["data"] = slices,
                ["label"] = new JsonObject { ["formatter"] = "{b}\n{c}个", ["fontSize"] = 9 },
                ["labelLine"] = new JsonObject { ["length"] = 6, ["length2"] = 6 },
            },
        };
        return new ChartSpec(id, "项目状态灯分布", 70, 70, option);
    }

    /// <summary>Responsible units by ranking score, red-flag units in red, black-flag units in black.</summary>
    public static ChartSpec UnitRanking(string id, IReadOnlyList<UnitRanking> units)
    {
        var names = new JsonArray(units.Select(u => (JsonNode)u.Unit).ToArray());
        var scores = new JsonArray(units.Select(u => (JsonNode)new JsonObject
        {
            ["value"] = Math.Round(u.Score, 1, MidpointRounding.AwayFromZero),
            ["label"] = new JsonObject { ["formatter"] = Math.Round(u.Score, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) },
            ["itemStyle"] = new JsonObject { ["color"] = u.Flag switch { RankingFlag.Red => Red, RankingFlag.Black => "#222222", _ => Blue } },
        }).ToArray());
        var option = Base();
        option["grid"] = new JsonObject { ["left"] = 8, ["right"] = 40, ["top"] = 10, ["bottom"] = 22, ["containLabel"] = true };
        option["xAxis"] = new JsonObject { ["type"] = "value", ["name"] = "得分", ["nameLocation"] = "middle", ["nameGap"] = 20, ["nameTextStyle"] = new JsonObject { ["fontSize"] = 9 }, ["max"] = 100, ["axisLabel"] = new JsonObject { ["fontSize"] = 9 } };
        option["yAxis"] = new JsonObject { ["type"] = "category", ["inverse"] = true, ["data"] = names, ["axisTick"] = new JsonObject { ["show"] = false }, ["axisLabel"] = new JsonObject { ["fontSize"] = 9, ["interval"] = 0, ["width"] = 170, ["overflow"] = "truncate" } };
        option["series"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "bar",
                ["data"] = scores,
                ["barWidth"] = "55%",
                ["label"] = new JsonObject { ["show"] = true, ["position"] = "right", ["fontSize"] = 8, ["color"] = Ink },
            },
        };
        return new ChartSpec(id, "责任单位月度排名得分（红色为红旗单位，黑色为黑旗单位）", 174, Math.Clamp(16 + (units.Count * 7), 50, 200), option);
    }

    /// <summary>Open problems by age, stacked by the stage they are in.</summary>
    public static ChartSpec ProblemAgeing(string id, IReadOnlyList<OpenProblem> problems)
    {
        (string Label, int Min, int Max)[] buckets = [("1天内", 0, 1), ("2–6天", 2, 6), ("7–10天", 7, 10), ("11–30天", 11, 30), ("30天以上", 31, int.MaxValue)];
        var stages = new[] { ProblemStage.Assigned, ProblemStage.Accepted, ProblemStage.Handled, ProblemStage.Escalated };
        string[] colors = [Grey, Blue, Green, Red];
        var option = Base();
        option["legend"] = Legend(stages.Select(BulletinFormat.Stage).ToArray());
        option["grid"] = new JsonObject { ["left"] = 8, ["right"] = 16, ["top"] = 34, ["bottom"] = 8, ["containLabel"] = true };
        option["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(buckets.Select(b => (JsonNode)b.Label).ToArray()), ["axisLabel"] = new JsonObject { ["fontSize"] = 9, ["interval"] = 0 } };
        option["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = "件", ["minInterval"] = 1, ["axisLabel"] = new JsonObject { ["fontSize"] = 9 } };
        option["series"] = new JsonArray(stages.Select((stage, i) => (JsonNode)new JsonObject
        {
            ["name"] = BulletinFormat.Stage(stage),
            ["type"] = "bar",
            ["stack"] = "age",
            ["barWidth"] = "45%",
            ["itemStyle"] = new JsonObject { ["color"] = colors[i] },
            ["data"] = new JsonArray(buckets.Select(b => (JsonNode)problems.Count(p => p.Stage == stage && p.AgeDays >= b.Min && p.AgeDays <= b.Max)).ToArray()),
        }).ToArray());
        return new ChartSpec(id, "未办结问题账龄分布（按所处阶段）", 174, 62, option);
    }

    /// <summary>
    /// A mini Gantt: one row per project, a bar from its first to its last planned node, a marker per node
    /// coloured by status, and a line at the cutoff.
    /// </summary>
    public static ChartSpec NodeGantt(string id, string caption, IReadOnlyList<ProjectSchedule> schedules, int year, DateOnly asOf)
    {
        var names = new JsonArray(schedules.Select(s => (JsonNode)s.ProjectName).ToArray());
        var spans = new JsonArray();
        var markers = new Dictionary<NodeStatus, JsonArray>
        {
            [NodeStatus.Done] = [],
            [NodeStatus.InProgress] = [],
            [NodeStatus.NotStarted] = [],
            [NodeStatus.Overdue] = [],
        };
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        for (var row = 0; row < schedules.Count; row++)
        {
            var nodes = schedules[row].Nodes;
            if (nodes.Count == 0)
            {
                continue;
            }

            var first = Clamp(nodes.Min(n => n.Actual ?? n.Planned), from, to);
            var last = Clamp(nodes.Max(n => n.Actual ?? n.Planned), from, to);
            spans.Add(new JsonObject { ["coords"] = new JsonArray { new JsonArray { Iso(first), row }, new JsonArray { Iso(last), row } } });
            foreach (var node in nodes)
            {
                var at = node.Actual ?? node.Planned;
                if (at < from || at > to)
                {
                    continue;
                }

                markers[node.Status].Add(new JsonObject { ["value"] = new JsonArray { Iso(at), row }, ["name"] = node.Name });
            }
        }

        var option = Base();
        option["legend"] = Legend("已完成", "进行中", "未开始", "逾期");
        option["grid"] = new JsonObject { ["left"] = 8, ["right"] = 14, ["top"] = 32, ["bottom"] = 8, ["containLabel"] = true };
        option["xAxis"] = new JsonObject
        {
            ["type"] = "time",
            ["min"] = Iso(from),
            ["max"] = Iso(to),
            ["position"] = "top",
            ["splitNumber"] = 12,
            ["axisLabel"] = new JsonObject { ["formatter"] = "{M}月", ["fontSize"] = 9 },
            ["splitLine"] = new JsonObject { ["show"] = true, ["lineStyle"] = new JsonObject { ["color"] = "#eceff2" } },
        };
        option["yAxis"] = new JsonObject
        {
            ["type"] = "category",
            ["inverse"] = true,
            ["data"] = names,
            ["axisTick"] = new JsonObject { ["show"] = false },
            ["axisLabel"] = new JsonObject { ["fontSize"] = 9, ["interval"] = 0, ["width"] = 190, ["overflow"] = "truncate" },
        };
        var series = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "lines",
                ["coordinateSystem"] = "cartesian2d",
                ["data"] = spans,
                ["silent"] = true,
                ["lineStyle"] = new JsonObject { ["color"] = "#c9d6e4", ["width"] = 5, ["opacity"] = 1, ["cap"] = "round" },
            },
        };
        (NodeStatus Status, string Name, string Color, string Symbol)[] kinds =
        [
            (NodeStatus.Done, "已完成", Green, "circle"),
            (NodeStatus.InProgress, "进行中", Blue, "circle"),
            (NodeStatus.NotStarted, "未开始", Grey, "emptyCircle"),
            (NodeStatus.Overdue, "逾期", Red, "diamond"),
        ];
        foreach (var kind in kinds)
        {
            series.Add(new JsonObject
            {
                ["name"] = kind.Name,
                ["type"] = "scatter",
                ["data"] = markers[kind.Status],
                ["symbol"] = kind.Symbol,
                ["symbolSize"] = kind.Status == NodeStatus.Overdue ? 9 : 7,
                ["itemStyle"] = new JsonObject { ["color"] = kind.Color },
                ["z"] = 5,
            });
        }

        // The cutoff line rides on a scatter series: the lines series does not draw mark lines.
        ((JsonObject)series[1]!)["markLine"] = new JsonObject
        {
            ["symbol"] = "none",
            ["silent"] = true,
            ["lineStyle"] = new JsonObject { ["color"] = Red, ["type"] = "dashed", ["width"] = 1 },
            ["label"] = new JsonObject { ["formatter"] = "截止日", ["fontSize"] = 8, ["color"] = Red, ["position"] = "end" },
            ["data"] = new JsonArray { new JsonObject { ["xAxis"] = Iso(asOf) } },
        };
        option["series"] = series;
        return new ChartSpec(id, caption, 174, Math.Clamp(20 + (schedules.Count * 6), 50, 225), option);
    }

    private static JsonObject Base() => new()
    {
        ["animation"] = false,
        ["textStyle"] = new JsonObject { ["fontFamily"] = FontFamily, ["color"] = Ink },
    };

    private static JsonObject Legend(params string[] names) => new()
    {
        ["top"] = 0,
        ["itemWidth"] = 14,
        ["itemHeight"] = 8,
        ["textStyle"] = new JsonObject { ["fontSize"] = 9 },
        ["data"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray()),
    };

    private static decimal Pct(decimal fraction) => Math.Round(fraction * 100m, 1, MidpointRounding.AwayFromZero);

    private static decimal InYi(decimal yuan) => Math.Round(yuan / 100_000_000m, 2, MidpointRounding.AwayFromZero);

    private static string LightColor(StatusLight light) => light switch
    {
        StatusLight.Green => Green,
        StatusLight.Yellow => Yellow,
        _ => Red,
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Clamp(DateOnly date, DateOnly from, DateOnly to) => date < from ? from : date > to ? to : date;
}
