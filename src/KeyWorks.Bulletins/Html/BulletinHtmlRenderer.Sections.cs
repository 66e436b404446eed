using KeyWorks.Bulletins.Charts;
using KeyWorks.Bulletins.Model;
using static KeyWorks.Bulletins.Model.BulletinFormat;

namespace KeyWorks.Bulletins.Html;

public sealed partial class BulletinHtmlRenderer
{
    private static void WriteTotals(HtmlWriter html, Layout layout, int number)
    {
        var title = layout.Document.Title;
        var totals = layout.Document.Totals;
        var months = title.Month == 1 ? "1月" : $"1—{title.Month}月";
        var startRate = totals.PlannedStartCount == 0 ? 0m : (decimal)totals.StartedCount / totals.PlannedStartCount;
        var change = totals.PreviousCompletionRate is { } previous
            ? totals.CompletionRate >= previous
                ? $"，较上月提高{Points(totals.CompletionRate - previous)}个百分点"
                : $"，较上月下降{Points(totals.CompletionRate - previous)}个百分点（含往期数据更正）"
            : "";

        OpenSection(html, number, "总体进展");
        html.Element(
            "p",
            null,
            $"{title.Year}年“{title.Programme}”共安排重点项目{totals.ProjectCount}个，总投资{Money(totals.TotalInvestment)}，" +
            $"年度计划投资{Money(totals.AnnualPlan)}。{title.Month}月完成投资{Money(totals.CompletedThisMonth)}；" +
            $"{months}累计完成投资{Money(totals.CompletedYearToDate)}，占年度计划的{Percent(totals.CompletionRate)}，" +
            $"{GapToTimeProgress(totals.Gap)}（序时进度{Percent(totals.TimeProgress)}）{change}。" +
            $"计划开工项目{totals.PlannedStartCount}个，已开工{totals.StartedCount}个，开工率{Percent(startRate)}。");

        html.Open("div", "kpis");
        Kpi(html, "年度计划投资", InYi(totals.AnnualPlan), "亿元");
        Kpi(html, $"{months}累计完成", InYi(totals.CompletedYearToDate), "亿元");
        Kpi(html, "年度投资完成率", Percent(totals.CompletionRate), $"序时进度 {Percent(totals.TimeProgress)}");
        Kpi(html, "开工率", Percent(startRate), $"{totals.StartedCount}/{totals.PlannedStartCount}个");
        html.Close("div");

        WriteChartRow(
            html,
            layout.Add(BulletinCharts.Curve("chart-curve", layout.Document.Curve)),
            layout.Add(BulletinCharts.LightDistribution("chart-lights", layout.Document.Projects)));
        html.Close("section");
    }

    private static void Kpi(HtmlWriter html, string label, string value, string unit) =>
        html.Open("div", "kpi").Element("div", "kpi-label", label).Element("div", "kpi-value", value).Element("div", "kpi-unit", unit).Close("div");

    private static void WriteGroups(HtmlWriter html, Layout layout, int number)
    {
        TableColumn<GroupSummary>[] columns(string first) =>
        [
            new(first, g => g.Name),
            new("项目数", g => g.ProjectCount.ToString(), "num"),
            new("年度计划\n（万元）", g => InWan(g.AnnualPlan), "num"),
            new("累计完成\n（万元）", g => InWan(g.CompletedYearToDate), "num"),
            new("完成率", g => Percent(g.CompletionRate), "num"),
            new("序时进度", g => Percent(g.TimeProgress), "num"),
            new("进度差\n（百分点）", g => SignedPoints(g.Gap), "num", g => g.Gap < 0 ? "behind" : null),
            new("滞后项目", g => g.LaggingCount.ToString(), "num"),
        ];

        OpenSection(html, number, "分类别、分区域完成情况");
        KeepTogether(html, layout.Document.ByCategory.Count, () =>
        {
            html.Element("h3", null, "（一）按项目类别");
            Tables.Write(html, "groups", columns("类别"), layout.Document.ByCategory);
        });
        KeepTogether(html, layout.Document.ByTownship.Count, () =>
        {
            html.Element("h3", null, "（二）按乡镇（街道）");
            Tables.Write(html, "groups", columns("乡镇（街道）"), layout.Document.ByTownship);
        });
        html.Close("section");
    }

    private static void WriteProjects(HtmlWriter html, Layout layout, int number)
    {
        var projects = layout.Ordered(layout.Document.Projects, p => p.Id);
        var index = 0;
        TableColumn<ProjectProgress>[] columns =
        [
            new("序号", _ => (++index).ToString(), "num seq"),
            new("项目名称", p => layout.Name(p.Id, p.Name), "name"),
            new("分包\n领导", p => p.Leader, "short"),
            new("年度计划\n（万元）", p => InWan(p.AnnualPlan), "num"),
            new("累计完成\n（万元）", p => InWan(p.CompletedYearToDate), "num"),
            new("完成率", p => Percent(p.CompletionRate), "num"),
            new("序时\n进度", p => Percent(p.TimeProgress), "num"),
            new("进度差\n（点）", p => SignedPoints(p.Gap), "num", p => p.Gap < 0 ? "behind" : null),
            new("状态", p => Light(p.Light), "light", p => "light-" + p.Light.ToString().ToLowerInvariant()),
        ];

        OpenSection(html, number, "项目投资完成情况");
        Tables.Write(html, "projects", columns, projects, p => layout.IsLeaders(p.Id) ? "mine" : null);
        WriteChart(html, layout.Add(BulletinCharts.CompletionByProject("chart-completion", projects, layout.Document.Totals.TimeProgress)));
        html.Close("section");
    }

    private static void WriteUnitRanking(HtmlWriter html, Layout layout, int number)
    {
        var units = layout.Document.UnitRanking;
        var red = units.Where(u => u.Flag == RankingFlag.Red).Select(u => u.Unit).ToList();
        var black = units.Where(u => u.Flag == RankingFlag.Black).Select(u => u.Unit).ToList();
        TableColumn<UnitRanking>[] columns =
        [
            new("排名", u => u.Rank.ToString(), "num seq"),
            new("责任单位", u => u.Unit, "name"),
            new("项目数", u => u.ProjectCount.ToString(), "num"),
            new("年度计划\n（万元）", u => InWan(u.AnnualPlan), "num"),
            new("累计完成\n（万元）", u => InWan(u.CompletedYearToDate), "num"),
            new("完成率", u => Percent(u.CompletionRate), "num"),
            new("得分", u => u.Score.ToString("0.0"), "num"),
            new("旗帜", u => Flag(u.Flag), "flag", u => u.Flag switch { RankingFlag.Red => "flag-red", RankingFlag.Black => "flag-black", _ => null }),
        ];

        OpenSection(html, number, "责任单位排名");
        html.Element(
            "p",
            null,
            $"按月度排名办法（投资完成率、节点按期率、问题销号率、观摩评价得分综合计分），本月授予{Joined(red)}红旗，" +
            $"{Joined(black)}黑旗。");
        Tables.Write(html, "ranking", columns, units);
        WriteChart(html, layout.Add(BulletinCharts.UnitRanking("chart-ranking", units)));
        html.Close("section");
    }

    private static void WriteNodes(HtmlWriter html, Layout layout, int number)
    {
        var nodes = layout.Document.Nodes;
        var title = layout.Document.Title;
        var punctuality = nodes.DueThisMonth.Count == 0 ? 1m : (decimal)nodes.MetCount / nodes.DueThisMonth.Count;
        OpenSection(html, number, "节点完成情况");
        html.Element(
            "p",
            null,
            $"{title.Month}月应完成节点{nodes.DueThisMonth.Count}个，按期完成{nodes.MetCount}个，未按期完成{nodes.MissedCount}个，" +
            $"节点按期率{Percent(punctuality)}；自上期以来调整计划节点{nodes.Slips.Count}个。");

        var missed = layout.Ordered(nodes.DueThisMonth.Where(n => !n.Met), n => n.ProjectId);
        if (missed.Count > 0)
        {
            KeepTogether(html, missed.Count, () =>
            {
                html.Element("h3", null, "（一）未按期完成节点");
                Tables.Write(
                    html,
                    "missed",
                    [
                        new TableColumn<DueNode>("项目名称", n => layout.Name(n.ProjectId, n.ProjectName), "name"),
                        new("节点", n => n.Node, "short"),
                        new("计划完成", n => ShortDate(n.Deadline), "date"),
                        new("实际完成", n => n.ReachedOn is { } d ? ShortDate(d) : "未完成", "date"),
                        new("责任单位", n => n.ResponsibleUnit, "unit"),
                    ],
                    missed);
            });
        }

        if (nodes.Slips.Count > 0)
        {
            KeepTogether(html, nodes.Slips.Count, () =>
            {
                html.Element("h3", null, missed.Count > 0 ? "（二）调整计划节点" : "（一）调整计划节点");
                Tables.Write(
                    html,
                    "slips",
                    [
                        new TableColumn<NodeSlip>("项目名称", s => layout.Name(s.ProjectId, s.ProjectName), "name"),
                        new("节点", s => s.Node, "short"),
                        new("原计划", s => ShortDate(s.PreviousDate), "date"),
                        new("调整为", s => ShortDate(s.NewDate), "date"),
                        new("推迟\n（天）", s => s.DaysSlipped.ToString(), "num"),
                        new("原因", s => s.Reason, "reason"),
                    ],
                    layout.Ordered(nodes.Slips, s => s.ProjectId));
            });
        }

        var schedules = layout.Ordered(layout.Document.Schedules, s => s.ProjectId)
            .Select(s => s with { ProjectName = layout.Name(s.ProjectId, s.ProjectName) })
            .ToList();
        var asOf = DateOnly.FromDateTime(title.Cutoff.ToOffset(TimeSpan.FromHours(8)).DateTime);
        const int RowsPerChart = 15;
        for (var start = 0; start < schedules.Count; start += RowsPerChart)
        {
            var part = schedules.Skip(start).Take(RowsPerChart).ToList();
            var caption = schedules.Count > RowsPerChart
                ? $"项目节点进度甘特图（{start + 1}—{start + part.Count}）"
                : "项目节点进度甘特图";
            WriteChart(html, layout.Add(BulletinCharts.NodeGantt($"chart-gantt-{(start / RowsPerChart) + 1}", caption, part, title.Year, asOf)));
        }

        html.Close("section");
    }

    private static void WriteLagging(HtmlWriter html, Layout layout, int number)
    {
        var lagging = layout.Ordered(layout.Document.LaggingProjects, l => l.ProjectId)
            .OrderBy(l => l.Light == StatusLight.Red ? 0 : 1)
            .ThenBy(l => layout.IsLeaders(l.ProjectId) ? 0 : 1)
            .ToList();
        OpenSection(html, number, "滞后项目");
        html.Element(
            "p",
            null,
            $"本月亮红灯项目{lagging.Count(l => l.Light == StatusLight.Red)}个、亮黄灯项目{lagging.Count(l => l.Light == StatusLight.Yellow)}个，" +
            "滞后原因为项目单位报送、经指挥部办公室核实的情况。");
        Tables.Write(
            html,
            "lagging",
            [
                new TableColumn<LaggingProject>("状态", l => Light(l.Light), "light", l => "light-" + l.Light.ToString().ToLowerInvariant()),
                new("项目名称", l => layout.Name(l.ProjectId, l.ProjectName), "name"),
                new("分包\n领导", l => l.Leader, "short"),
                new("责任单位", l => l.ResponsibleUnit, "unit"),
                new("完成率", l => Percent(l.CompletionRate), "num"),
                new("进度差\n（点）", l => SignedPoints(l.Gap), "num behind"),
                new("滞后原因", l => l.Reason, "reason"),
            ],
            lagging);
        html.Close("section");
    }

    private static void WriteProblems(HtmlWriter html, Layout layout, int number)
    {
        var problems = layout.Document.Problems;
        var open = layout.Ordered(problems.Open.OrderByDescending(p => p.OverdueDays), p => p.ProjectId);
        OpenSection(html, number, "问题清单");
        html.Element(
            "p",
            null,
            $"本月新交办问题{problems.RaisedThisMonth}个，办结销号{problems.ClosedThisMonth}个；累计交办问题{problems.RaisedTotal}个，" +
            $"办结销号{problems.ClosedTotal}个，销号率{Percent(problems.RaisedTotal == 0 ? 1m : (decimal)problems.ClosedTotal / problems.RaisedTotal)}。" +
            $"截至本期仍未销号{problems.Open.Count}个，其中超期{problems.Open.Count(p => p.OverdueDays > 0)}个（按“1-6-10”时限：1日内受理、6日内办理、10日内办结）。");
        Tables.Write(
            html,
            "problems",
            [
                new TableColumn<OpenProblem>("项目名称", p => layout.Name(p.ProjectId, p.ProjectName), "name"),
                new("类别", p => p.Kind, "short"),
                new("问题", p => p.Description, "reason"),
                new("责任单位", p => p.OwnerUnit, "unit"),
                new("阶段", p => Stage(p.Stage), "short"),
                new("时限", p => ShortDate(p.StageDeadline), "date"),
                new("超期\n（天）", p => p.OverdueDays > 0 ? p.OverdueDays.ToString() : "—", "num", p => p.OverdueDays > 0 ? "behind" : null),
            ],
            open);
        WriteChart(html, layout.Add(BulletinCharts.ProblemAgeing("chart-ageing", problems.Open)));
        html.Close("section");
    }

    private static void WriteNextMonth(HtmlWriter html, Layout layout, int number)
    {
        var nodes = layout.Ordered(layout.Document.NextMonthNodes.OrderBy(n => n.Deadline), n => n.ProjectId);
        OpenSection(html, number, "下月节点安排");
        if (nodes.Count == 0)
        {
            html.Element("p", null, "下月无计划完成的节点。");
            html.Close("section");
            return;
        }

        html.Element("p", null, $"下月应完成节点{nodes.Count}个，请各分包领导、责任单位对照时限倒排工期、提前调度。");
        Tables.Write(
            html,
            "upcoming",
            [
                new TableColumn<UpcomingNode>("项目名称", n => layout.Name(n.ProjectId, n.ProjectName), "name"),
                new("节点", n => n.Node, "short"),
                new("计划完成", n => ShortDate(n.Deadline), "date"),
                new("责任单位", n => n.ResponsibleUnit, "unit"),
                new("分包领导", n => n.Leader, "short"),
            ],
            nodes);
        html.Close("section");
    }

    private static void WriteRecommendations(HtmlWriter html, Layout layout, int number)
    {
        OpenSection(html, number, "工作建议");
        if (layout.Document.Recommendations.Count == 0)
        {
            html.Element("p", "recommendation", "（由指挥部办公室在发布前填写。）");
        }

        foreach (var paragraph in layout.Document.Recommendations)
        {
            html.Element("p", "recommendation", paragraph);
        }

        html.Close("section");
    }

    private static void WriteRevisions(HtmlWriter html, Layout layout, int number)
    {
        var revisions = layout.Document.Revisions;
        OpenSection(html, number, "数据更正说明");
        if (revisions.Count == 0)
        {
            html.Element("p", null, "本期无更正事项。");
        }
        else
        {
            // The last section: a short table left with a row on a page of its own reads like a mistake.
            KeepTogether(html, revisions.Count, () =>
            {
                html.Element("p", null, "以下数据在往期通报截止时间后经核实更正，请以更正后数据为准：");
                Tables.Write(
                    html,
                    "revisions",
                    [
                        new TableColumn<Revision>("原通报", r => r.OriginalIssue, "short"),
                        new("项目名称", r => r.ProjectName, "name"),
                        new("更正事项", r => r.Subject),
                        new("原数据", r => r.Previous, "num"),
                        new("更正为", r => r.Corrected, "num"),
                        new("更正日期", r => ShortDate(r.RecordedOn), "date"),
                        new("原因", r => r.Reason, "reason"),
                    ],
                    revisions);
            });
        }

        html.Close("section");
    }

    /// <summary>A heading with a short table moves to the next page whole rather than leave a row or two behind.</summary>
    private static void KeepTogether(HtmlWriter html, int rows, Action write)
    {
        const int ShortTable = 15;
        html.Open("div", rows <= ShortTable ? "keep" : null);
        write();
        html.Close("div");
    }

    private static string Joined(IReadOnlyList<string> names) => names.Count == 0 ? "无单位" : string.Join("、", names);
}
