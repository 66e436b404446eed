using KeyWorks.Domain.Projects;
using static KeyWorks.Domain.Tests.Fixtures;
using static KeyWorks.Domain.Tests.GivenWhenThen;

namespace KeyWorks.Domain.Tests.Deciding;

public sealed class planning_investment
{
    private static readonly IDomainEvent[] Registration = [ProgrammeEvent, Registered, Assigned];

    [Fact]
    public void setting_an_annual_plan_records_the_twelve_monthly_amounts() =>
        Given(Registration)
            .When(new SetAnnualPlan(Project, 2026, Plan))
            .Then(PlanSet);

    [Fact]
    public void a_plan_needs_twelve_months() =>
        Given(Registration)
            .When(new SetAnnualPlan(Project, 2026, [.. Plan.Take(11)]))
            .ThenFails(ErrorCodes.PlanNeeds12Months);

    [Fact]
    public void a_negative_monthly_amount_fails() =>
        Given(Registration)
            .When(new SetAnnualPlan(Project, 2026, [-1m, .. Plan.Skip(1)]))
            .ThenFails(ErrorCodes.NegativeAmount);

    [Fact]
    public void setting_a_plan_twice_fails() =>
        Given(Basics)
            .When(new SetAnnualPlan(Project, 2026, Plan))
            .ThenFails(ErrorCodes.PlanAlreadySet);

    [Fact]
    public void a_plan_above_the_investment_still_to_make_fails() =>
        // 2.5亿 total, 0.62亿 done before: at most 1.88亿 can be planned.
        Given(Registration)
            .When(new SetAnnualPlan(Project, 2026, [Wan(18801), .. Enumerable.Repeat(0m, 11)]))
            .ThenFails(ErrorCodes.PlanExceedsTotalInvestment);

    [Fact]
    public void revising_a_plan_keeps_the_reason()
    {
        IReadOnlyList<decimal> revised = [.. Plan.Select(a => a / 2)];
        Given(Basics)
            .When(new ReviseAnnualPlan(Project, 2026, revised, "征地滞后"))
            .Then(new AnnualPlanRevised(Project, 2026, revised, "征地滞后"));
    }

    [Fact]
    public void revising_a_plan_that_was_never_set_fails() =>
        Given(Registration)
            .When(new ReviseAnnualPlan(Project, 2026, Plan, "征地滞后"))
            .ThenFails(ErrorCodes.PlanNotSet);

    [Fact]
    public void revising_without_a_reason_fails() =>
        Given(Basics)
            .When(new ReviseAnnualPlan(Project, 2026, Plan, ""))
            .ThenFails(ErrorCodes.Required);

    [Fact]
    public void planning_an_unknown_project_fails() =>
        Given(ProgrammeEvent)
            .When(new SetAnnualPlan("nope", 2026, Plan))
            .ThenFails(ErrorCodes.ProjectNotFound);

    [Fact]
    public void a_contractor_may_not_set_the_plan() =>
        Given(Registration)
            .When(new SetAnnualPlan(Project, 2026, Plan), Contractor)
            .ThenFails(ErrorCodes.Forbidden);
}
