using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Demo;

/// <summary>
/// One demo project. Amounts in 万元 (10 000 yuan). <see cref="Pace"/> is actual over planned investment,
/// <see cref="NodeDelayDays"/> how late its 2026 nodes are reached, <see cref="PhysicalBias"/> physical % over investment %.
/// </summary>
internal sealed record DemoProject(
    string Id,
    string Name,
    ProjectCategory Category,
    string Township,
    string Scale,
    decimal TotalWan,
    decimal PriorWan,
    DateOnly PlannedStart,
    DateOnly PlannedCompletion,
    decimal AnnualPlanWan,
    string LeaderId,
    string LeadUnit,
    string ResponsibleUnit,
    decimal Pace,
    int NodeDelayDays,
    decimal PhysicalBias = 1m)
{
    public string ContractorUnit => $"{ShortName}项目部";

    public string ShortName => Name.Split('（')[0];

    /// <summary>An explicit monthly plan (12 values), instead of the generated curve.</summary>
    public decimal[]? PlanWan { get; init; }

    /// <summary>Explicit actual amounts for the first months (January on), instead of generated ones.</summary>
    public decimal[]? ActualWan { get; init; }

    public decimal[]? PhysicalPercents { get; init; }

    public IReadOnlyList<(string NodeId, string Name, int Sequence, DateOnly Planned, DateOnly? Reached)>? ExtraNodes { get; init; }

    /// <summary>Explicit actual dates for standard nodes (overrides the generated delay).</summary>
    public IReadOnlyDictionary<string, DateOnly?>? Reached { get; init; }

    /// <summary>Explicit planned dates for standard nodes (overrides the generated chain).</summary>
    public IReadOnlyDictionary<string, DateOnly>? Planned { get; init; }

    /// <summary>Re-plan of the not-yet-due nodes: shift in days, when, and why.</summary>
    public (int Days, DateOnly On, string Reason)? Replan { get; init; }

    public IReadOnlyDictionary<int, string>? Narratives { get; init; }

    public int[] LateMonths { get; init; } = [];

    public string? OverTotalReason { get; init; }

    public DateOnly? CompletesOn { get; init; }

    public (DateOnly From, DateOnly To, string Reason)? Suspension { get; init; }

    /// <summary>A month whose first report the office sends back; the contractor resubmits it lower.</summary>
    public int? RejectedMonth { get; init; }

    /// <summary>A later correction of a month's amount (万元), by the office or by the contractor.</summary>
    public (int Month, decimal DeltaWan, DateOnly On, bool ByOffice, string Reason)? Correction { get; init; }
}

/// <summary>
/// The demo programme's projects. Names, categories, townships and the quoted facts (紫荆大道 2.5亿元, 3279 m, 1.55亿元
/// completed by mid-June; 大狮涝河 0.91亿元, 8503 m, 0.39亿元; 海立·海尔 20亿元, 1500万台) follow public news reports;
/// every other figure, date and plan here is illustrative, invented to make a believable year.
/// </summary>
internal static class DemoProjects
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static readonly IReadOnlyList<DemoProject> All =
    [
        // ── 三十工程: road, river, bridge and public works ──
        new("zjdd", "紫荆大道（中原路—文昌路）", ProjectCategory.Road, "文昌街道", "全长3279米，位于怀川高科产业园",
            25000, 6200, D(2025, 9, 1), D(2026, 12, 31), 16000, "leader-wang", "区交通运输局", "区住建局", 1.0m, 0)
        {
            PlanWan = [800, 600, 1600, 2000, 2200, 2000, 1600, 1400, 1400, 1200, 800, 400],
            ActualWan = [900, 500, 1800, 2600, 3500, 1800, 1500, 1200, 1100, 900],
            PhysicalPercents = [30, 33, 40, 50, 62, 70, 76, 82, 87, 91],
            ExtraNodes = [("culverts", "箱涵主体完工", 35, D(2026, 5, 31), D(2026, 5, 28))],
            Planned = new Dictionary<string, DateOnly>
            {
                [StandardNodes.Permits] = D(2025, 6, 30), [StandardNodes.Land] = D(2025, 8, 15),
                [StandardNodes.MainWorks] = D(2026, 9, 30), [StandardNodes.Acceptance] = D(2026, 12, 15),
            },
            Reached = new Dictionary<string, DateOnly?> { [StandardNodes.MainWorks] = D(2026, 9, 26) },
            Narratives = new Dictionary<int, string>
            {
                [5] = "雨污水管道、路基和机动车道水稳层铺设已完成；大狮涝河箱涵、西经大道箱涵主体已完工",
                [10] = "机动车道沥青面层完成，人行道及绿化施工中",
            },
        },
        new("dslh", "大狮涝河杨梧槚村至张延陵村段治理", ProjectCategory.RiverRegulation, "李万街道", "治理长度8503米",
            9100, 1200, D(2025, 10, 15), D(2027, 5, 31), 6000, "leader-li", "区水利局", "区水利局", 0.75m, 20)
        {
            PlanWan = [300, 300, 500, 600, 700, 700, 700, 700, 600, 500, 300, 100],
            ActualWan = [200, 200, 500, 800, 1000],
            ExtraNodes = [("dredging", "河道疏浚", 35, D(2026, 10, 31), null)],
            Narratives = new Dictionary<int, string>
            {
                [5] = "河道内建筑物清表基本完成，部分河道已疏浚；G327至东海大道段约7000米河道待开挖",
            },
            LateMonths = [6, 9],
        },
        new("lyl", "龙源路道路工程", ProjectCategory.Road, "文昌街道", "全长1860米",
            12000, 0, D(2026, 3, 15), D(2027, 6, 30), 7000, "leader-wang", "区交通运输局", "区交通运输局", 0.96m, 0),
        new("zss", "再生水综合利用项目", ProjectCategory.Water, "阳庙镇", "日处理再生水3万立方米",
            18000, 0, D(2026, 4, 1), D(2027, 9, 30), 9000, "leader-zhang", "区水利局", "区城市管理局", 0.86m, 12),
        new("hngx", "河南工信职业学院基础设施完善提升项目", ProjectCategory.Education, "文苑街道", "新建实训楼及配套道路管网4.2万平方米",
            15000, 0, D(2026, 6, 30), D(2027, 12, 31), 6000, "leader-liu", "区教育局", "文苑街道", 0.55m, 50)
        {
            Replan = (45, D(2026, 5, 20), "文苑街道征迁进度滞后，征迁交地顺延"),
            LateMonths = [7, 8, 10],
        },
        new("yl", "焦作市四级养老服务综合体示范项目", ProjectCategory.ElderlyCare, "文昌街道", "建筑面积3.6万平方米，床位800张",
            11000, 0, D(2026, 5, 31), D(2027, 10, 31), 5000, "leader-chen", "区民政局", "区民政局", 1.02m, -3),
        new("smzx", "市民中心", ProjectCategory.PublicBuilding, "文苑街道", "总建筑面积8.5万平方米",
            35000, 0, D(2026, 6, 30), D(2028, 6, 30), 10000, "leader-liu", "区机关事务服务中心", "区住建局", 0.30m, 400)
        {
            Reached = new Dictionary<string, DateOnly?> { [StandardNodes.Permits] = D(2026, 4, 10) },
        },
        new("sylq", "山阳路大沙河桥", ProjectCategory.Bridge, "苏家作乡", "桥长186米，宽40米",
            8500, 0, D(2026, 5, 15), D(2027, 8, 31), 4500, "leader-zhang", "区交通运输局", "区交通运输局", 0.72m, 87)
        {
            Replan = (77, D(2026, 5, 10), "征迁协议签订滞后，电力线路需先行迁改"),
        },

        // ── industrial projects ──
        new("mr", "明仁公司富锶天然矿泉水生产基地", ProjectCategory.Industrial, "阳庙镇", "年产富锶矿泉水30万吨",
            30000, 8000, D(2025, 8, 1), D(2027, 3, 31), 14000, "leader-zhao", "区工信局", "阳庙镇", 0.98m, 5),
        new("rq", "瑞庆公司第五代混合动力发动机整机及汽车零部件生产基地", ProjectCategory.Industrial, "苏家作乡", "年产发动机整机10万台",
            100000, 30000, D(2025, 6, 1), D(2027, 12, 31), 35000, "leader-zhao", "区工信局", "区工信局", 1.05m, 0)
        {
            Correction = (4, -300, D(2026, 6, 8), true, "设备款重复统计，经核实调减"),
        },
        new("ats", "澳特盛公司包装材料生产基地", ProjectCategory.Industrial, "阳庙镇", "厂房5.2万平方米",
            20000, 2000, D(2026, 3, 1), D(2027, 6, 30), 9000, "leader-chen", "区商务局", "阳庙镇", 0.80m, 30)
        {
            RejectedMonth = 3,
            Suspension = (D(2026, 7, 20), D(2026, 9, 25), "企业融资方案调整，暂缓建设"),
        },
        new("hx", "华欣冻干公司清洁能源（LNG）冷能技术开发综合利用冻干产业园", ProjectCategory.Industrial, "苏家作乡", "冷库及冻干车间6万平方米",
            50000, 5000, D(2026, 2, 28), D(2027, 12, 31), 18000, "leader-li", "区发改委", "苏家作乡", 0.93m, 8),
        new("zx", "正旭公司航空航天产业园二期", ProjectCategory.Industrial, "李万街道", "标准化厂房12万平方米",
            60000, 6000, D(2026, 1, 20), D(2027, 12, 31), 20000, "leader-wang", "区工信局", "李万街道", 0.82m, 25),
        new("tb", "天宝恒祥超硬材料智慧谷", ProjectCategory.Industrial, "文昌街道", "超硬材料研发及生产用房9万平方米",
            40000, 12000, D(2025, 10, 1), D(2027, 9, 30), 15000, "leader-zhang", "区科技局", "文昌街道", 1.0m, 0)
        {
            Correction = (6, 150, D(2026, 7, 9), false, "漏报钢结构进场材料款，补报"),
        },
        // A neighbouring zone's project in the real reports; placed in this district's demo programme for illustration.
        new("hlhe", "海立·海尔合资压缩机郑州生产基地", ProjectCategory.Industrial, "苏家作乡", "年产压缩机1500万台",
            200000, 0, D(2026, 4, 18), D(2027, 6, 30), 80000, "leader-zhao", "区商务局", "区商务局", 0.97m, 0, 0.35m)
        {
            Narratives = new Dictionary<int, string>
            {
                [4] = "签约后三个月实现开工，桩基施工中",
                [10] = "一期主厂房钢结构吊装中；生产设备采购合同已签订并预付，投资进度快于形象进度；计划明年上半年投产",
            },
        },

        // ── six resettlement-housing projects, inspected monthly and quarterly (月季季评) ──
        new("azf1", "文苑新城安置房项目", ProjectCategory.ResettlementHousing, "文苑街道", "安置住房1200套，建筑面积14万平方米",
            42000, 15000, D(2025, 4, 1), D(2027, 6, 30), 16000, "leader-liu", "区住建局", "文苑街道", 1.03m, 0),
        new("azf2", "李万社区安置房项目", ProjectCategory.ResettlementHousing, "李万街道", "安置住房860套",
            12000, 9000, D(2024, 10, 1), D(2026, 12, 31), 3000, "leader-li", "区住建局", "李万街道", 1.25m, 0)
        {
            OverTotalReason = "设计变更增加地下车库，概算调整报批中",
        },
        new("azf3", "文昌佳苑安置房项目", ProjectCategory.ResettlementHousing, "文昌街道", "安置住房640套",
            18000, 14000, D(2024, 9, 1), D(2026, 9, 30), 4000, "leader-chen", "区住建局", "文昌街道", 1.0m, 0)
        {
            CompletesOn = D(2026, 9, 30),
        },
        new("azf4", "阳庙新村安置房项目", ProjectCategory.ResettlementHousing, "阳庙镇", "安置住房980套",
            26000, 6000, D(2025, 7, 1), D(2027, 8, 31), 11000, "leader-zhao", "区住建局", "阳庙镇", 0.84m, 10),
        new("azf5", "苏家作社区安置房项目", ProjectCategory.ResettlementHousing, "苏家作乡", "安置住房720套",
            20000, 4000, D(2025, 11, 1), D(2027, 10, 31), 9000, "leader-zhang", "区住建局", "苏家作乡", 0.92m, 0),
        new("azf6", "张延陵村安置房项目", ProjectCategory.ResettlementHousing, "李万街道", "安置住房540套",
            16000, 0, D(2026, 3, 1), D(2027, 12, 31), 7000, "leader-wang", "区住建局", "李万街道", 0.62m, 40),
    ];

    /// <summary>Inspection score bases for the resettlement projects (month-end 观摩评价), and the 三十工程 April inspection.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> InspectionBase = new Dictionary<string, decimal>
    {
        ["azf1"] = 93, ["azf2"] = 86, ["azf3"] = 89, ["azf4"] = 74, ["azf5"] = 82, ["azf6"] = 68,
        ["zjdd"] = 95, ["dslh"] = 86, ["lyl"] = 90, ["zss"] = 88, ["hngx"] = 78, ["yl"] = 91, ["smzx"] = 75, ["sylq"] = 80,
    };
}
