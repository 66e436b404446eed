using KeyWorks.Bulletins.Model;

namespace KeyWorks.Bulletins.Tests;

/// <summary>
/// A believable October 2026 issue of a high-tech zone's "三十工程" bulletin: 30 projects with the names of the
/// programme's published projects, figures invented but consistent (totals are the sums of the rows).
/// </summary>
internal static class SampleBulletin
{
    public const string Leader = "张海燕";

    private static readonly (string Name, string Category, decimal TotalYi)[] ProjectList =
    [
        ("紫荆大道（中原路—文昌路）", "道路", 2.50m),
        ("大狮涝河杨梧槚村至张延陵村段治理", "河道治理", 0.91m),
        ("龙源路道路工程", "道路", 1.20m),
        ("再生水综合利用项目", "水务", 1.65m),
        ("河南工信职业学院基础设施完善提升项目", "教育", 3.20m),
        ("焦作市四级养老服务综合体示范项目", "养老", 1.80m),
        ("市民中心", "公建", 6.50m),
        ("山阳路大沙河桥", "桥梁", 0.85m),
        ("明仁公司富锶天然矿泉水生产基地", "产业", 5.00m),
        ("瑞庆公司第五代混合动力发动机整机及汽车零部件生产基地", "产业", 12.00m),
        ("澳特盛公司包装材料生产基地", "产业", 2.30m),
        ("华欣冻干公司清洁能源（LNG）冷能技术开发综合利用冻干产业园", "产业", 4.60m),
        ("正旭公司航空航天产业园二期", "产业", 8.00m),
        ("天宝恒祥超硬材料智慧谷", "产业", 3.50m),
        ("文昌路东延道路工程", "道路", 0.96m),
        ("中原路北段改造工程", "道路", 0.74m),
        ("普济河综合治理工程", "河道治理", 1.35m),
        ("新河桥改建工程", "桥梁", 0.52m),
        ("第二污水处理厂扩建工程", "水务", 2.10m),
        ("城区供水管网改造工程", "水务", 0.88m),
        ("区人民医院门诊综合楼", "公建", 3.80m),
        ("文苑街道社区养老服务中心", "养老", 0.45m),
        ("阳庙镇中心幼儿园", "教育", 0.38m),
        ("李万街道第三小学", "教育", 0.92m),
        ("文苑新城安置房一期", "安置房", 4.20m),
        ("李万安置小区二期", "安置房", 3.10m),
        ("阳庙镇安置房项目", "安置房", 1.90m),
        ("苏家作乡集中安置区", "安置房", 1.60m),
        ("文昌街道棚户区改造安置房", "安置房", 2.70m),
        ("东海大道（G327—南环路）道路工程", "道路", 2.05m),
    ];

    private static readonly string[] Townships = ["文苑街道", "李万街道", "文昌街道", "阳庙镇", "苏家作乡"];
    private static readonly string[] Leaders = ["王建国", "李卫东", Leader, "刘志强", "陈立新", "赵红梅"];

    private static readonly Dictionary<string, string> UnitByCategory = new()
    {
        ["道路"] = "区交通运输局",
        ["桥梁"] = "区交通运输局",
        ["河道治理"] = "区水利局",
        ["水务"] = "区城市管理局",
        ["教育"] = "区教育局",
        ["养老"] = "区民政局",
        ["公建"] = "区住房和城乡建设局",
        ["产业"] = "产业集聚区管委会",
        ["安置房"] = "区城市建设投资公司",
    };

    private static readonly string[] StandardChain = ["手续办理", "征迁交地", "开工建设", "主体完工", "竣工验收", "交付使用"];

    private static readonly string[] Reasons =
    [
        "征迁交地滞后，尚有3户未签订搬迁协议，影响管线和路基施工",
        "专项债资金拨付滞后，施工单位垫资能力不足，现场作业面减少",
        "施工许可手续未办结，规划方案调整后需重新审查",
        "雨季影响土方和基础施工，工期延误约20天",
        "燃气、通信管线迁改协调难度大，产权单位尚未确定迁改方案",
    ];

    /// <summary>The sample issue; <paramref name="rename"/> may replace project names (e.g. to test escaping).</summary>
    public static BulletinDocument Create(Func<int, string, string>? rename = null)
    {
        var random = new Random(20261031);
        var asOf = new DateOnly(2026, 10, 31);
        var projects = new List<ProjectProgress>();
        var schedules = new List<ProjectSchedule>();
        var due = new List<DueNode>();
        var upcoming = new List<UpcomingNode>();
        var slips = new List<NodeSlip>();
        for (var i = 0; i < ProjectList.Length; i++)
        {
            var (name, category, totalYi) = ProjectList[i];
            name = rename?.Invoke(i, name) ?? name;
            var id = $"P{i + 1:00}";
            var total = totalYi * 100_000_000m;
            var annualPlan = Math.Round(total * (0.30m + ((decimal)random.NextDouble() * 0.35m)) / 10_000m) * 10_000m;
            var timeProgress = Math.Round(0.74m + ((decimal)random.NextDouble() * 0.12m), 4);
            var rate = i % 7 == 3 ? 0.32m + ((decimal)random.NextDouble() * 0.12m)
                : i % 5 == 1 ? 0.55m + ((decimal)random.NextDouble() * 0.10m)
                : 0.72m + ((decimal)random.NextDouble() * 0.32m);
            var completed = Math.Round(annualPlan * rate / 10_000m) * 10_000m;
            var gap = (completed / annualPlan) - timeProgress;
            var light = gap < -0.30m ? StatusLight.Red : gap < -0.10m ? StatusLight.Yellow : StatusLight.Green;
            var unit = UnitByCategory[category];
            projects.Add(new ProjectProgress(
                id, name, category, Townships[i % Townships.Length], Leaders[i % Leaders.Length], unit,
                total, annualPlan, completed, timeProgress, light,
                light == StatusLight.Green ? "主体结构施工有序推进，形象进度与计划相符" : "部分作业面未全面展开"));

            var start = new DateOnly(2025, 11, 10).AddDays(i * 9);
            var nodes = new List<ScheduleNode>();
            for (var k = 0; k < StandardChain.Length; k++)
            {
                var planned = start.AddDays(k * 75);
                DateOnly? actual = null;
                var status = NodeStatus.NotStarted;
                if (planned <= asOf)
                {
                    var late = light == StatusLight.Red && k >= 2 ? 40 : random.Next(-6, 12);
                    var reached = planned.AddDays(late);
                    if (reached <= asOf)
                    {
                        actual = reached;
                        status = NodeStatus.Done;
                    }
                    else
                    {
                        status = NodeStatus.Overdue;
                    }
                }
                else if (nodes.Count > 0 && nodes[^1].Status == NodeStatus.Done)
                {
                    status = NodeStatus.InProgress;
                }

                nodes.Add(new ScheduleNode(StandardChain[k], planned, actual, status));
                if (planned.Year == 2026 && planned.Month == 10)
                {
                    due.Add(new DueNode(id, name, StandardChain[k], planned, actual, unit));
                }

                if (planned.Year == 2026 && planned.Month == 11)
                {
                    upcoming.Add(new UpcomingNode(id, name, StandardChain[k], planned, unit, Leaders[i % Leaders.Length]));
                }
            }

            schedules.Add(new ProjectSchedule(id, name, nodes));
            if (light == StatusLight.Red)
            {
                var slipped = nodes.First(n => n.Status != NodeStatus.Done);
                slips.Add(new NodeSlip(id, name, slipped.Name, slipped.Planned, slipped.Planned.AddDays(45), Reasons[i % Reasons.Length]));
            }
        }

        return new BulletinDocument(
            new BulletinTitle("高新区", "三十工程", 2026, 10, "高新区重点项目建设指挥部办公室", new DateOnly(2026, 11, 5), 2026, 10,
                new DateTimeOffset(2026, 11, 3, 18, 0, 0, TimeSpan.FromHours(8))),
            Totals(projects),
            projects,
            Groups(projects, p => p.Category),
            Groups(projects, p => p.Township),
            Ranking(projects),
            new NodePunctuality(due, slips),
            projects.Where(p => p.Light != StatusLight.Green)
                .Select((p, n) => new LaggingProject(p.Id, p.Name, p.Light, p.Leader, p.ResponsibleUnit, p.CompletionRate, p.TimeProgress, Reasons[n % Reasons.Length]))
                .ToList(),
            Problems(projects),
            upcoming,
            [
                "聚焦年度目标，倒排剩余两个月工期。对亮红灯的项目，由分包区领导牵头召开专题调度会，逐项明确补救措施和完成时限，确保年底前完成年度投资计划。",
                "加快征迁交地。各街道（乡镇）对剩余未签约户实行“一户一策”，12月15日前全部完成交地；自然资源部门同步办理用地手续。",
                "强化资金保障。财政部门加快专项债资金拨付，对资金缺口较大的项目优先安排调度资金；建设单位按月报送资金使用情况。",
                "严格落实“1-6-10”问题办理机制。对超期未办结的问题，由指挥部办公室提级督办，并纳入月度排名扣分。",
            ],
            [
                new Revision("2026年第9期", ProjectList[0].Name, "9月完成投资", "1,250.0万元", "1,310.0万元", new DateOnly(2026, 10, 9), "施工单位补报9月下旬计量数据，经监理核实"),
                new Revision("2026年第9期", ProjectList[6].Name, "主体完工节点实际完成日期", "9月28日", "10月6日", new DateOnly(2026, 10, 12), "竣工验收资料复核，原报日期有误"),
            ],
            Curve(projects),
            schedules);
    }

    private static ProgrammeTotals Totals(List<ProjectProgress> projects)
    {
        var annual = projects.Sum(p => p.AnnualPlan);
        var ytd = projects.Sum(p => p.CompletedYearToDate);
        var timeProgress = Math.Round(projects.Sum(p => p.AnnualPlan * p.TimeProgress) / annual, 4);
        return new ProgrammeTotals(projects.Count, projects.Sum(p => p.TotalInvestment), annual, Math.Round(ytd * 0.11m / 10_000m) * 10_000m, ytd, timeProgress, 27, 28, (ytd / annual) - 0.061m);
    }

    private static List<GroupSummary> Groups(List<ProjectProgress> projects, Func<ProjectProgress, string> key) =>
        projects.GroupBy(key)
            .Select(g => new GroupSummary(
                g.Key,
                g.Count(),
                g.Sum(p => p.AnnualPlan),
                g.Sum(p => p.CompletedYearToDate),
                Math.Round(g.Sum(p => p.AnnualPlan * p.TimeProgress) / g.Sum(p => p.AnnualPlan), 4),
                g.Count(p => p.Light != StatusLight.Green)))
            .ToList();

    private static List<UnitRanking> Ranking(List<ProjectProgress> projects)
    {
        var units = projects.GroupBy(p => p.ResponsibleUnit)
            .Select(g => (Unit: g.Key, Count: g.Count(), Plan: g.Sum(p => p.AnnualPlan), Done: g.Sum(p => p.CompletedYearToDate)))
            .Select(u => (u.Unit, u.Count, u.Plan, u.Done, Score: Math.Round(Math.Min(100m, 45m + (55m * u.Done / u.Plan)), 1)))
            .OrderByDescending(u => u.Score)
            .ToList();
        return units.Select((u, i) => new UnitRanking(
                i + 1, u.Unit, u.Count, u.Plan, u.Done, u.Score,
                i < 2 ? RankingFlag.Red : i == units.Count - 1 ? RankingFlag.Black : RankingFlag.None))
            .ToList();
    }

    private static ProblemList Problems(List<ProjectProgress> projects)
    {
        (int Project, string Kind, string Text, string Owner, ProblemStage Stage, int Age)[] open =
        [
            (0, "征迁", "西经大道箱涵段剩余2户房屋未拆除，影响箱涵接长施工", "文昌街道办事处", ProblemStage.Accepted, 14),
            (1, "用地", "G327至东海大道段约7000米河道开挖需临时用地，尚未办理", "区自然资源局", ProblemStage.Accepted, 9),
            (3, "资金", "再生水管网二期工程资金缺口约3200万元", "区财政局", ProblemStage.Escalated, 35),
            (4, "征迁", "学院东侧地块征迁进度缓慢，影响实训楼开工", "文苑街道办事处", ProblemStage.Accepted, 5),
            (5, "其他", "场地内建筑垃圾清运不彻底，影响基础施工", "区城市管理局", ProblemStage.Handled, 8),
            (6, "手续", "市民中心幕墙深化设计审查未完成", "区住房和城乡建设局", ProblemStage.Assigned, 1),
            (7, "管线", "大沙河桥北桥台范围内通信光缆迁改未完成", "区工业和信息化局", ProblemStage.Accepted, 12),
            (10, "手续", "包装材料生产基地环评批复待办", "市生态环境局高新分局", ProblemStage.Handled, 3),
            (17, "安全", "新河桥改建临时便道交通组织方案需完善", "区交通运输局", ProblemStage.Assigned, 2),
            (24, "资金", "安置房一期工程款支付滞后，施工单位人员减少", "区城市建设投资公司", ProblemStage.Escalated, 21),
        ];
        var cutoff = new DateOnly(2026, 11, 3);
        var items = open.Select(o =>
        {
            var limit = o.Stage switch { ProblemStage.Assigned => 1, ProblemStage.Accepted => 6, _ => 10 };
            var deadline = cutoff.AddDays(limit - o.Age);
            return new OpenProblem(projects[o.Project].Id, projects[o.Project].Name, o.Kind, o.Text, o.Owner, o.Stage, deadline, Math.Max(0, o.Age - limit), o.Age);
        }).ToList();
        return new ProblemList(194, 184, 23, 21, items);
    }

    private static ProgrammeCurve Curve(List<ProjectProgress> projects)
    {
        decimal[] planShape = [0.03m, 0.08m, 0.15m, 0.24m, 0.34m, 0.45m, 0.55m, 0.64m, 0.72m, 0.80m, 0.90m, 1.00m];
        var annual = projects.Sum(p => p.AnnualPlan);
        var ytd = projects.Sum(p => p.CompletedYearToDate);
        decimal[] actualShape = [0.03m, 0.09m, 0.17m, 0.27m, 0.38m, 0.50m, 0.61m, 0.73m, 0.87m, 1.00m];
        return new ProgrammeCurve(planShape
            .Select((share, m) => new CurvePoint(m + 1, annual * share, m < actualShape.Length ? ytd * actualShape[m] : null))
            .ToList());
    }
}
