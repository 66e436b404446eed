using KeyWorks.Domain.Demo;
using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Domain.Rankings;

namespace KeyWorks.Domain.Tests.Demo;

public sealed class demo_programme
{
    [Fact]
    public void runs_through_the_decisions_without_any_rejection()
    {
        var rejections = string.Join("\n", DemoData.Run.Rejections.Take(20).Select(r => $"{r.Command.At:yyyy-MM-dd HH:mm} {r.Command.Command} → {r.Error.Code}"));
        Assert.True(DemoData.Run.Rejections.Count == 0, rejections);
        Assert.True(DemoData.Envelopes.Count > 1000);
    }

    [Fact]
    public void is_the_same_on_every_run() =>
        Assert.Equal(Json.Of(DemoProgramme.Commands()), Json.Of(DemoProgramme.Commands()));

    [Fact]
    public void spans_january_2026_to_today_in_recorded_order()
    {
        var commands = DemoProgramme.Commands();
        Assert.Equal(new DateOnly(2026, 1, 5), BusinessCalendar.DateOf(commands[0].At));
        Assert.True(commands[^1].At <= DemoProgramme.Now);
        Assert.InRange(BusinessCalendar.DateOf(commands[^1].At), DemoProgramme.Today.AddDays(-3), DemoProgramme.Today);
        Assert.True(commands.Zip(commands.Skip(1)).All(p => p.First.At <= p.Second.At));
        Assert.DoesNotContain(commands, c => c.Actor.Role == Role.Auditor);
    }

    [Fact]
    public void holds_every_named_project_of_the_seed_facts()
    {
        string[] named =
        [
            "紫荆大道（中原路—文昌路）", "大狮涝河杨梧槚村至张延陵村段治理", "龙源路道路工程", "再生水综合利用项目",
            "河南工信职业学院基础设施完善提升项目", "焦作市四级养老服务综合体示范项目", "市民中心", "山阳路大沙河桥",
            "明仁公司富锶天然矿泉水生产基地", "瑞庆公司第五代混合动力发动机整机及汽车零部件生产基地", "澳特盛公司包装材料生产基地",
            "华欣冻干公司清洁能源（LNG）冷能技术开发综合利用冻干产业园", "正旭公司航空航天产业园二期", "天宝恒祥超硬材料智慧谷",
            "海立·海尔合资压缩机郑州生产基地",
        ];
        var projects = DemoData.Model.Projects.Values.Select(v => v.State).ToList();
        Assert.Subset(projects.Select(p => p.Details.Name).ToHashSet(), named.ToHashSet());
        Assert.Equal(6, projects.Count(p => p.Details.Category == ProjectCategory.ResettlementHousing));
        Assert.Equal(21, projects.Count);
        Assert.Equal(["文昌街道", "文苑街道", "李万街道", "苏家作乡", "阳庙镇"],
            projects.Select(p => p.Details.Township).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void zijing_avenue_matches_the_reported_facts()
    {
        var zjdd = DemoData.Model.Projects["zjdd"].State;
        Assert.Equal(250_000_000m, zjdd.Details.TotalInvestment);
        Assert.Contains("3279", zjdd.Details.Scale);
        var cutoff = new DateTimeOffset(2026, 6, 15, 12, 0, 0, BusinessCalendar.ChinaOffset);
        var mid = KeyWorksReadModel.AsOf(DemoData.Envelopes, cutoff);
        var figures = ProjectFigureCalculator.Compute(mid.Projects["zjdd"].State, new DateOnly(2026, 6, 15));
        Assert.Equal(155_000_000m, figures.CumulativeCompleted);
        Assert.Equal(62.0m, figures.TotalCompletionRate);
        Assert.Contains("箱涵", figures.PhysicalNarrative);
    }

    [Fact]
    public void dashilao_river_and_haili_haier_match_the_reported_facts()
    {
        var river = ProjectFigureCalculator.Compute(DemoData.Model.Projects["dslh"].State, new DateOnly(2026, 5, 31));
        Assert.Equal((91_000_000m, 39_000_000m), (river.TotalInvestment, river.CumulativeCompleted));
        Assert.Contains("8503", DemoData.Model.Projects["dslh"].State.Details.Scale);
        var haier = DemoData.Model.Projects["hlhe"].State;
        Assert.Equal(2_000_000_000m, haier.Details.TotalInvestment);
        Assert.Contains("1500万", haier.Details.Scale);
    }

    [Fact]
    public void has_late_reports_corrections_rejections_and_plan_revisions()
    {
        var events = DemoData.Envelopes.Select(e => e.Event).ToList();
        Assert.Contains(events, e => e is InvestmentCorrected { Official: true });
        Assert.Contains(events, e => e is InvestmentCorrected { Official: false });
        Assert.Contains(events, e => e is InvestmentReportRejected);
        Assert.Contains(events, e => e is NodeReportRejected);
        Assert.Contains(events, e => e is NodeReplanned);
        Assert.Contains(events, e => e is AnnualPlanRevised);
        Assert.Contains(events, e => e is ProjectDetailsAmended);
        Assert.Contains(events, e => e is ProjectSuspended);
        Assert.Contains(events, e => e is ProjectCompleted);
        Assert.Contains(events, e => e is InvestmentReported { Note: not null });
        var late = DemoData.Model.Projects.Keys.SelectMany(id => ProjectViews.Detail(DemoData.Model, id, DemoProgramme.Today)!.Reports)
            .Count(r => r.Late);
        Assert.InRange(late, 3, 30);
        Assert.Contains(DemoData.Model.Projects.Values, v => v.State.Investment.Values.Any(m => m.State == ReportState.Pending));
    }

    [Fact]
    public void has_problems_in_every_stage_with_overdue_and_escalated_ones()
    {
        var board = ProblemBoards.Build(DemoData.Model, DemoProgramme.Now);
        Assert.Equal(Enum.GetValues<ProblemStage>(), board.Cards.Select(c => c.Stage).Distinct().Order());
        Assert.True(board.Overdue > 0);
        Assert.True(board.Escalated > 0);
        Assert.Contains(board.Cards, c => c.Reopened > 0);
        Assert.Equal(board.Raised, board.Closed + board.Open);
    }

    [Fact]
    public void shows_all_three_lights_and_flags_for_the_resettlement_housing()
    {
        var figures = ProjectViews.Figures(DemoData.Model, DemoProgramme.Today).ToList();
        Assert.Equal([StatusLight.Green, StatusLight.Yellow, StatusLight.Red], figures.Select(f => f.Light).Distinct().Order());
        Assert.Contains(figures, f => f.ProgressMismatch);
        var quarter = RankingCalculator.Quarterly(DemoData.Model, 2026, 3, filter: p => p.Details.Category == ProjectCategory.ResettlementHousing);
        Assert.Equal(6, quarter.Projects.Count);
        Assert.Equal(Flag.Red, quarter.Projects[0].Flag);
        Assert.Equal(Flag.Black, quarter.Projects[^1].Flag);
        Assert.All(quarter.Projects, p => Assert.NotNull(p.Inspection));
    }
}
