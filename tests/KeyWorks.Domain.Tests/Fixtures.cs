using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Tests;

/// <summary>A small programme to test decisions against: one road project with a plan and the standard chain.</summary>
internal static class Fixtures
{
    public const string Programme = "prog";
    public const string Project = "road";
    public const string ContractorUnit = "路桥项目部";

    public static readonly DateTimeOffset Now = new(2026, 6, 10, 10, 0, 0, BusinessCalendar.ChinaOffset);
    public static readonly Actor Office = Actor.Office("office-1", "周敏");
    public static readonly Actor Contractor = Actor.Contractor("contractor-1", "杨帆", ContractorUnit, Project);
    public static readonly Actor OtherContractor = Actor.Contractor("contractor-2", "黄磊", "另一项目部", "other");
    public static readonly Actor Leader = Actor.Leader("leader-wang", "王建国", Project);
    public static readonly Actor Auditor = Actor.Auditor("auditor-1", "何静");

    public static decimal Wan(decimal wan) => wan * 10_000m;

    public static readonly ProjectDetails RoadDetails = new("紫荆大道（中原路—文昌路）", ProjectCategory.Road, "文昌街道", "全长3279米",
        Wan(25000), Wan(6200), new DateOnly(2025, 9, 1), new DateOnly(2026, 12, 31));

    public static ProgrammeRegistered ProgrammeEvent => new(Programme, "高新区2026年“三十工程”", 2026, "示范高新区");

    public static ProjectRegistered Registered => new(Project, Programme, RoadDetails);

    public static ResponsibilityAssigned Assigned => new(Project, "leader-wang", "王建国", "区交通运输局", "区住建局", [ContractorUnit]);

    public static IReadOnlyList<decimal> Plan => [.. new decimal[] { 800, 600, 1600, 2000, 2200, 2000, 1600, 1400, 1400, 1200, 800, 400 }.Select(Wan)];

    public static AnnualPlanSet PlanSet => new(Project, 2026, Plan);

    public static NodePlanned Node(string id, int month, int day) =>
        new(Project, id, StandardNodes.Get(id).Name, StandardNodes.Get(id).Sequence, new DateOnly(2026, month, day), "区住建局");

    public static YearMonth M(int month) => new(2026, month);

    /// <summary>A confirmed investment month, as events.</summary>
    public static IDomainEvent[] ConfirmedMonth(int month, decimal inMonthWan, decimal cumulativeWan) =>
    [
        new InvestmentReported(Project, M(month), Wan(inMonthWan), Wan(cumulativeWan), Contractor.UserId, null),
        new InvestmentReportConfirmed(Project, M(month), Wan(inMonthWan), Office.UserId),
    ];

    public static IDomainEvent[] Basics => [ProgrammeEvent, Registered, Assigned, PlanSet];
}
