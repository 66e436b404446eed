using System.Globalization;
using KeyWorks.Domain;
using KeyWorks.Domain.Projects;

namespace KeyWorks.Server.Api;

/// <summary>A project event in one line of plain Chinese for the history (变更记录); amounts in 万元.</summary>
internal static class HistorySummaries
{
    public static string Of(IProjectEvent @event) => @event switch
    {
        ProjectRegistered e => $"项目登记：{e.Details.Name}，总投资{Wan(e.Details.TotalInvestment)}",
        ProjectDetailsAmended e => $"项目信息变更：{e.Reason}",
        ResponsibilityAssigned e => $"明确责任：分包领导{e.LeaderName}，牵头单位{e.LeadUnit}，责任单位{e.ResponsibleUnit}",
        AnnualPlanSet e => $"下达{e.Year}年度计划投资{Wan(e.MonthlyAmounts.Sum())}" + (e.Reason is { } basis ? $"：{basis}" : ""),
        AnnualPlanRevised e => $"调整{e.Year}年度计划投资为{Wan(e.MonthlyAmounts.Sum())}：{e.Reason}",
        NodePlanned e => $"计划节点“{e.Name}”于{Date(e.PlannedDate)}完成",
        NodeReplanned e => $"节点调整：{Date(e.PreviousDate)} → {Date(e.NewDate)}：{e.Reason}",
        NodeReachedReported e => $"上报节点完成（{Date(e.ReachedOn)}）",
        NodeReportConfirmed e => $"确认节点完成（{Date(e.ReachedOn)}）",
        NodeReportRejected e => $"退回节点上报：{e.Reason}",
        InvestmentReported e => $"上报{Month(e.Month)}完成投资{Wan(e.CompletedInMonth)}，累计{Wan(e.CumulativeCompleted)}",
        InvestmentReportConfirmed e => $"确认{Month(e.Month)}完成投资{Wan(e.CompletedInMonth)}",
        InvestmentReportRejected e => $"退回{Month(e.Month)}投资上报：{e.Reason}",
        InvestmentCorrected e => $"更正{Month(e.Month)}完成投资：{Wan(e.PreviousInMonth)} → {Wan(e.CompletedInMonth)}（{e.Reason}）",
        PhysicalProgressReported e => $"上报{Month(e.Month)}形象进度{e.Percent.ToString("0.##", CultureInfo.InvariantCulture)}%：{e.Narrative}",
        PhysicalProgressConfirmed e => $"确认{Month(e.Month)}形象进度{e.Percent.ToString("0.##", CultureInfo.InvariantCulture)}%",
        PhysicalProgressRejected e => $"退回{Month(e.Month)}形象进度：{e.Reason}",
        InspectionScored e => $"观摩评价{Date(e.InspectedOn)}：{e.Score.ToString("0.##", CultureInfo.InvariantCulture)}分",
        ProjectSuspended e => $"项目暂停：{e.Reason}",
        ProjectResumed e => $"项目恢复：{e.Reason}",
        ProjectCompleted e => $"项目竣工（{Date(e.CompletedOn)}）",
        _ => @event.GetType().Name,
    };

    private static string Wan(decimal yuan) => (yuan / 10_000m).ToString("#,0.##", CultureInfo.InvariantCulture) + "万元";

    private static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Month(YearMonth month) => $"{month.Year}年{month.Month}月";
}
