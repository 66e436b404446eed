namespace KeyWorks.Domain.Projects;

/// <summary>Sets a year's plan curve: twelve monthly amounts in yuan, with the basis it was set on (下达依据) when given.</summary>
public sealed record SetAnnualPlan(string ProjectId, int Year, IReadOnlyList<decimal> MonthlyAmounts, string? Reason = null) : IProjectCommand;

/// <summary>Replaces a year's plan curve; the reason is kept.</summary>
public sealed record ReviseAnnualPlan(string ProjectId, int Year, IReadOnlyList<decimal> MonthlyAmounts, string Reason) : IProjectCommand;

public sealed record AnnualPlanSet(string ProjectId, int Year, IReadOnlyList<decimal> MonthlyAmounts, string? Reason = null) : IProjectEvent;

public sealed record AnnualPlanRevised(string ProjectId, int Year, IReadOnlyList<decimal> MonthlyAmounts, string Reason) : IProjectEvent;

public static class PlanningInvestment
{
    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, SetAnnualPlan command, Actor actor)
    {
        Rules.Office(actor);
        var project = Rules.Exists(state, command.ProjectId);
        if (project.Plans.ContainsKey(command.Year))
            throw Rules.Reject(ErrorCodes.PlanAlreadySet, $"The {command.Year} plan is already set; revise it instead（年度计划已下达，请调整）", "year");
        ValidAmounts(project, command.MonthlyAmounts);
        return [new AnnualPlanSet(command.ProjectId, command.Year, [.. command.MonthlyAmounts], Blank(command.Reason))];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? state, ReviseAnnualPlan command, Actor actor)
    {
        Rules.Office(actor);
        var project = Rules.Exists(state, command.ProjectId);
        if (!project.Plans.ContainsKey(command.Year))
            throw Rules.Reject(ErrorCodes.PlanNotSet, $"There is no {command.Year} plan to revise（年度计划未下达）", "year");
        Rules.Text(command.Reason, "reason");
        ValidAmounts(project, command.MonthlyAmounts);
        return [new AnnualPlanRevised(command.ProjectId, command.Year, [.. command.MonthlyAmounts], command.Reason)];
    }

    private static void ValidAmounts(ProjectState project, IReadOnlyList<decimal> amounts)
    {
        if (amounts.Count != 12)
            throw Rules.Reject(ErrorCodes.PlanNeeds12Months, $"A plan has 12 monthly amounts, got {amounts.Count}（年度计划需12个月）", "monthlyAmounts");
        foreach (var amount in amounts)
            Rules.NotNegative(amount, "monthlyAmounts");
        var remaining = project.Details.TotalInvestment - project.Details.PriorCompletedInvestment;
        if (amounts.Sum() > remaining)
            throw Rules.Reject(ErrorCodes.PlanExceedsTotalInvestment,
                $"The plan ({amounts.Sum()}) exceeds the investment still to be made ({remaining})（年度计划超出剩余总投资）", "monthlyAmounts");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
