using KeyWorks.Domain.Problems;

namespace KeyWorks.Domain.Demo;

/// <summary>How a demo problem moves through 交办 / 受理 / 办理 / 办结, and where it stands at the end of the demo.</summary>
internal enum ProblemPath
{
    ClosedOnTime,
    AcceptedLate,
    ClosedLate,
    LongDeadline,
    Reopened,
    RaisedOnly,
    AcceptOverdue,
    AcceptedInTime,
    HandleOverdue,
    HandledAwaitingClose,
}

internal sealed record DemoProblem(
    string Id, string ProjectId, ProblemCategory Category, string Title, string Unit, DateTimeOffset RaisedAt, ProblemPath Path,
    string Action, string Evidence);

/// <summary>Problems of the demo year (illustrative; a few echo the news: land, relocation, construction waste, funding).</summary>
internal static class DemoProblems
{
    private static DateTimeOffset At(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, BusinessCalendar.ChinaOffset);

    public static readonly IReadOnlyList<DemoProblem> All =
    [
        new("p-01", "zjdd", ProblemCategory.Utilities, "中原路路口燃气管道迁改", "区城市管理局", At(2, 24), ProblemPath.ClosedOnTime,
            "协调燃气公司制定迁改方案并实施", "燃气管道迁改完成，通气验收记录"),
        new("p-02", "dslh", ProblemCategory.Relocation, "G327至东海大道段河道内建筑物清表", "李万街道", At(3, 12), ProblemPath.AcceptedLate,
            "分片包干推进清表", "清表完成，现场照片及街道确认单"),
        new("p-03", "hngx", ProblemCategory.Land, "文苑街道征迁进度滞后", "文苑街道", At(4, 10), ProblemPath.LongDeadline,
            "制定征迁方案，分批签约", "征迁协议全部签订，土地已交付"),
        new("p-04", "smzx", ProblemCategory.Land, "市民中心土地征收未完成", "文苑街道", At(4, 15), ProblemPath.ClosedLate,
            "召开专题会督办，倒排征收计划", "已完成第一批地块征收，剩余地块纳入专项督办"),
        new("p-05", "yl", ProblemCategory.Other, "场地建筑垃圾清运", "文昌街道", At(4, 20), ProblemPath.ClosedOnTime,
            "现场协调清运单位连续作业", "清运建筑垃圾1.2万方，场地已清理完毕（照片、验收单）"),
        new("p-06", "hlhe", ProblemCategory.Utilities, "双回路供电接入", "区发改委", At(4, 22), ProblemPath.ClosedOnTime,
            "协调供电公司提前实施外线工程", "临时用电接入，正式供电方案获批"),
        new("p-07", "sylq", ProblemCategory.Utilities, "沿线电力线路迁改", "区城市管理局", At(5, 6), ProblemPath.ClosedLate,
            "协调供电公司停电窗口", "10千伏线路迁改完成"),
        new("p-08", "lyl", ProblemCategory.Relocation, "沿线杆线迁移", "文昌街道", At(5, 12), ProblemPath.Reopened,
            "通信杆线迁移", "杆线迁移完成，复查合格"),
        new("p-09", "hx", ProblemCategory.Approvals, "LNG冷能项目安全评价审批", "区应急管理局", At(5, 20), ProblemPath.ClosedOnTime,
            "开通审批绿色通道", "安全评价批复文件"),
        new("p-10", "azf4", ProblemCategory.Safety, "脚手架连墙件缺失隐患", "阳庙镇", At(6, 3), ProblemPath.AcceptedLate,
            "责令施工单位停工整改", "整改完成，复查记录"),
        new("p-11", "zss", ProblemCategory.Approvals, "取水许可办理", "区水利局", At(6, 10), ProblemPath.ClosedLate,
            "并联审批", "取水许可证已核发"),
        new("p-12", "zjdd", ProblemCategory.Safety, "雨季施工防汛措施", "区住建局", At(7, 1), ProblemPath.ClosedOnTime,
            "编制防汛预案，储备物资", "防汛预案及物资清单"),
        new("p-13", "ats", ProblemCategory.Funding, "企业融资到位慢", "区商务局", At(7, 8), ProblemPath.ClosedLate,
            "协调银行开展项目贷款对接", "融资方案确定，贷款审批中，项目暂缓建设已备案"),
        new("p-14", "azf6", ProblemCategory.Funding, "安置房建设资金缺口", "区财政局", At(7, 15), ProblemPath.ClosedLate,
            "申请专项债券资金", "专项债资金下达文件"),
        new("p-15", "azf2", ProblemCategory.Other, "设计变更审查", "区住建局", At(8, 5), ProblemPath.ClosedOnTime,
            "组织专家审查", "设计变更审查意见"),
        new("p-16", "rq", ProblemCategory.Funding, "设备款支付滞后", "区工信局", At(8, 12), ProblemPath.ClosedOnTime,
            "协调企业资金计划", "设备款已支付凭证"),
        new("p-17", "tb", ProblemCategory.Safety, "高支模安全隐患整改", "文昌街道", At(9, 3), ProblemPath.ClosedOnTime,
            "专家论证并整改", "整改验收记录"),
        new("p-18", "azf5", ProblemCategory.Utilities, "施工临时用电容量不足", "苏家作乡", At(3, 18), ProblemPath.ClosedOnTime,
            "增容临时变压器", "增容完成"),
        new("p-19", "smzx", ProblemCategory.Funding, "地上附着物补偿资金未到位", "区财政局", At(11, 9), ProblemPath.HandleOverdue,
            "", ""),
        new("p-20", "mr", ProblemCategory.Approvals, "采矿许可证延续", "区自然资源局", At(11, 12), ProblemPath.HandledAwaitingClose,
            "材料已报市局审查，延续手续办理完毕", ""),
        new("p-21", "zx", ProblemCategory.Land, "二期用地指标未落实", "区自然资源局", At(11, 18), ProblemPath.AcceptOverdue,
            "", ""),
        new("p-22", "hlhe", ProblemCategory.Approvals, "二期环评批复", "区生态环境分局", At(11, 19), ProblemPath.AcceptedInTime,
            "", ""),
        new("p-23", "azf6", ProblemCategory.Relocation, "张延陵村剩余3户未签约", "李万街道", At(11, 20, 15), ProblemPath.RaisedOnly,
            "", ""),
        new("p-24", "dslh", ProblemCategory.Other, "汛期河道开挖受阻", "区水利局", At(9, 14), ProblemPath.ClosedOnTime,
            "调整开挖时序", "开挖计划调整，已恢复施工"),
    ];
}
