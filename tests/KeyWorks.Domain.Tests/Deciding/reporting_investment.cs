using KeyWorks.Domain.Projects;
using static KeyWorks.Domain.Tests.Fixtures;
using static KeyWorks.Domain.Tests.GivenWhenThen;

namespace KeyWorks.Domain.Tests.Deciding;

public sealed class reporting_investment
{
    // 紫荆大道: 6200万 before 2026; January 900万 → 7100万.
    private static readonly IDomainEvent[] January = [.. Basics, .. ConfirmedMonth(1, 900, 7100)];

    [Fact]
    public void a_contractor_reports_the_month_and_the_cumulative() =>
        Given(January)
            .When(new ReportInvestment(Project, M(2), Wan(500), Wan(7600)), Contractor)
            .Then(new InvestmentReported(Project, M(2), Wan(500), Wan(7600), Contractor.UserId, null));

    [Fact]
    public void a_report_for_a_future_month_fails() =>
        Given(January)
            .When(new ReportInvestment(Project, M(7), Wan(500), Wan(7600)), Contractor)
            .ThenFails(ErrorCodes.ReportForFutureMonth);

    [Fact]
    public void a_report_for_the_current_month_is_accepted() =>
        Given(January)
            .When(new ReportInvestment(Project, M(6), 0m, Wan(7100)), Contractor)
            .Then(new InvestmentReported(Project, M(6), 0m, Wan(7100), Contractor.UserId, null));

    [Fact]
    public void a_negative_amount_fails() =>
        Given(January)
            .When(new ReportInvestment(Project, M(2), Wan(-1), Wan(7099)), Contractor)
            .ThenFails(ErrorCodes.NegativeAmount);

    [Fact]
    public void a_report_on_an_unknown_project_fails() =>
        Given(January)
            .When(new ReportInvestment("nope", M(2), Wan(500), Wan(7600)), Contractor)
            .ThenFails(ErrorCodes.ProjectNotFound);

    [Fact]
    public void a_report_on_a_suspended_project_fails() =>
        Given(January).And(new ProjectSuspended(Project, "融资调整"))
            .When(new ReportInvestment(Project, M(2), Wan(500), Wan(7600)), Contractor)
            .ThenFails(ErrorCodes.ProjectSuspended);

    [Fact]
    public void a_report_on_a_completed_project_fails() =>
        Given(January).And(new ProjectCompleted(Project, new DateOnly(2026, 5, 31)))
            .When(new ReportInvestment(Project, M(2), Wan(500), Wan(7600)), Contractor)
            .ThenFails(ErrorCodes.ProjectCompleted);

    [Fact]
    public void a_contractor_of_another_project_is_forbidden() =>
        Given(January)
            .When(new ReportInvestment(Project, M(2), Wan(500), Wan(7600)), OtherContractor)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void a_cumulative_below_the_previous_one_fails() =>
        Given(January)
            .When(new ReportInvestment(Project, M(2), 0m, Wan(7000)), Contractor)
            .ThenFails(ErrorCodes.CumulativeDecreased);

    [Fact]
    public void a_cumulative_that_is_not_previous_plus_month_fails() =>
        Given(January)
            .When(new ReportInvestment(Project, M(2), Wan(500), Wan(7700)), Contractor)
            .ThenFails(ErrorCodes.CumulativeMismatch);

    [Fact]
    public void completing_more_than_the_total_investment_needs_a_reason() =>
        Given(January)
            .When(new ReportInvestment(Project, M(2), Wan(18000), Wan(25100)), Contractor)
            .ThenFails(ErrorCodes.OverTotalInvestmentNeedsReason);

    [Fact]
    public void completing_more_than_the_total_investment_with_a_reason_is_accepted() =>
        Given(January)
            .When(new ReportInvestment(Project, M(2), Wan(18000), Wan(25100), "设计变更，概算调整报批中"), Contractor)
            .Then(new InvestmentReported(Project, M(2), Wan(18000), Wan(25100), Contractor.UserId, "设计变更，概算调整报批中"));

    [Fact]
    public void reporting_a_month_twice_fails() =>
        Given(January)
            .When(new ReportInvestment(Project, M(1), Wan(900), Wan(7100)), Contractor)
            .ThenFails(ErrorCodes.ReportAlreadyExists);

    [Fact]
    public void a_rejected_month_may_be_reported_again() =>
        Given(Basics).And(
                new InvestmentReported(Project, M(1), Wan(1100), Wan(7300), Contractor.UserId, null),
                new InvestmentReportRejected(Project, M(1), "数据不一致", Office.UserId))
            .When(new ReportInvestment(Project, M(1), Wan(900), Wan(7100)), Contractor)
            .Then(new InvestmentReported(Project, M(1), Wan(900), Wan(7100), Contractor.UserId, null));

    [Fact]
    public void reporting_an_earlier_month_after_a_later_one_fails() =>
        Given(Basics).And(ConfirmedMonth(2, 500, 6700))
            .When(new ReportInvestment(Project, M(1), Wan(900), Wan(7100)), Contractor)
            .ThenFails(ErrorCodes.ReportOutOfOrder);

    [Fact]
    public void the_office_confirms_a_report() =>
        Given(Basics).And(new InvestmentReported(Project, M(1), Wan(900), Wan(7100), Contractor.UserId, null))
            .When(new ConfirmInvestmentReport(Project, M(1)))
            .Then(new InvestmentReportConfirmed(Project, M(1), Wan(900), Office.UserId));

    [Fact]
    public void a_contractor_may_not_confirm_a_report() =>
        Given(Basics).And(new InvestmentReported(Project, M(1), Wan(900), Wan(7100), Contractor.UserId, null))
            .When(new ConfirmInvestmentReport(Project, M(1)), Contractor)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void a_leader_may_not_confirm_a_report() =>
        Given(Basics).And(new InvestmentReported(Project, M(1), Wan(900), Wan(7100), Contractor.UserId, null))
            .When(new ConfirmInvestmentReport(Project, M(1)), Leader)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void confirming_twice_fails() =>
        Given(January)
            .When(new ConfirmInvestmentReport(Project, M(1)))
            .ThenFails(ErrorCodes.AlreadyConfirmed);

    [Fact]
    public void confirming_a_month_never_reported_fails() =>
        Given(January)
            .When(new ConfirmInvestmentReport(Project, M(3)))
            .ThenFails(ErrorCodes.ReportNotFound);

    [Fact]
    public void the_office_rejects_a_pending_report_with_a_reason() =>
        Given(Basics).And(new InvestmentReported(Project, M(1), Wan(900), Wan(7100), Contractor.UserId, null))
            .When(new RejectInvestmentReport(Project, M(1), "与联网直报不一致"))
            .Then(new InvestmentReportRejected(Project, M(1), "与联网直报不一致", Office.UserId));

    [Fact]
    public void rejecting_a_confirmed_report_fails() =>
        Given(January)
            .When(new RejectInvestmentReport(Project, M(1), "与联网直报不一致"))
            .ThenFails(ErrorCodes.ReportNotPending);

    [Fact]
    public void confirming_a_rejected_report_fails() =>
        Given(Basics).And(
                new InvestmentReported(Project, M(1), Wan(900), Wan(7100), Contractor.UserId, null),
                new InvestmentReportRejected(Project, M(1), "数据不一致", Office.UserId))
            .When(new ConfirmInvestmentReport(Project, M(1)))
            .ThenFails(ErrorCodes.ReportNotPending);

    [Fact]
    public void an_office_correction_is_official_at_once() =>
        Given(January)
            .When(new CorrectInvestment(Project, M(1), Wan(600), "设备款重复统计"))
            .Then(new InvestmentCorrected(Project, M(1), Wan(900), Wan(600), "设备款重复统计", Office.UserId, true));

    [Fact]
    public void a_contractor_correction_awaits_confirmation() =>
        Given(January)
            .When(new CorrectInvestment(Project, M(1), Wan(1000), "漏报材料款"), Contractor)
            .Then(new InvestmentCorrected(Project, M(1), Wan(900), Wan(1000), "漏报材料款", Contractor.UserId, false));

    [Fact]
    public void a_correction_needs_a_reason() =>
        Given(January)
            .When(new CorrectInvestment(Project, M(1), Wan(600), ""))
            .ThenFails(ErrorCodes.Required);

    [Fact]
    public void a_negative_correction_fails() =>
        Given(January)
            .When(new CorrectInvestment(Project, M(1), Wan(-5), "冲减"))
            .ThenFails(ErrorCodes.NegativeAmount);

    [Fact]
    public void after_a_correction_the_next_cumulative_follows_the_corrected_amount() =>
        // January corrected from 900万 to 600万: February's cumulative is 6200 + 600 + 500.
        Given(January).And(new InvestmentCorrected(Project, M(1), Wan(900), Wan(600), "调减", Office.UserId, true))
            .When(new ReportInvestment(Project, M(2), Wan(500), Wan(7300)), Contractor)
            .Then(new InvestmentReported(Project, M(2), Wan(500), Wan(7300), Contractor.UserId, null));
}
