using KeyWorks.Domain.Projects;
using static KeyWorks.Domain.Tests.Fixtures;
using static KeyWorks.Domain.Tests.GivenWhenThen;

namespace KeyWorks.Domain.Tests.Deciding;

public sealed class reporting_progress
{
    private const string May = "雨污水管道、路基和机动车道水稳层铺设已完成；大狮涝河箱涵主体已完工";
    private static readonly PhysicalProgressReported MayReported = new(Project, M(5), 62m, May, Contractor.UserId);

    [Fact]
    public void a_contractor_reports_percentage_and_narrative() =>
        Given(Basics)
            .When(new ReportPhysicalProgress(Project, M(5), 62m, May), Contractor)
            .Then(MayReported);

    [Fact]
    public void a_percentage_above_100_fails() =>
        Given(Basics)
            .When(new ReportPhysicalProgress(Project, M(5), 101m, May), Contractor)
            .ThenFails(ErrorCodes.PercentOutOfRange);

    [Fact]
    public void progress_may_not_go_backwards() =>
        Given(Basics).And(MayReported)
            .When(new ReportPhysicalProgress(Project, M(6), 61m, "返工"), Contractor)
            .ThenFails(ErrorCodes.ProgressDecreased);

    [Fact]
    public void progress_for_a_future_month_fails() =>
        Given(Basics)
            .When(new ReportPhysicalProgress(Project, M(8), 70m, "未来"), Contractor)
            .ThenFails(ErrorCodes.ReportForFutureMonth);

    [Fact]
    public void progress_without_a_narrative_fails() =>
        Given(Basics)
            .When(new ReportPhysicalProgress(Project, M(5), 62m, ""), Contractor)
            .ThenFails(ErrorCodes.Required);

    [Fact]
    public void the_office_confirms_progress() =>
        Given(Basics).And(MayReported)
            .When(new ConfirmPhysicalProgress(Project, M(5)))
            .Then(new PhysicalProgressConfirmed(Project, M(5), 62m, Office.UserId));

    [Fact]
    public void a_contractor_may_not_confirm_progress() =>
        Given(Basics).And(MayReported)
            .When(new ConfirmPhysicalProgress(Project, M(5)), Contractor)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void confirming_progress_twice_fails() =>
        Given(Basics).And(MayReported, new PhysicalProgressConfirmed(Project, M(5), 62m, Office.UserId))
            .When(new ConfirmPhysicalProgress(Project, M(5)))
            .ThenFails(ErrorCodes.AlreadyConfirmed);

    [Fact]
    public void the_office_rejects_progress_with_a_reason() =>
        Given(Basics).And(MayReported)
            .When(new RejectPhysicalProgress(Project, M(5), "与现场不符"))
            .Then(new PhysicalProgressRejected(Project, M(5), "与现场不符", Office.UserId));

    [Fact]
    public void progress_on_a_completed_project_fails() =>
        Given(Basics).And(new ProjectCompleted(Project, new DateOnly(2026, 5, 31)))
            .When(new ReportPhysicalProgress(Project, M(5), 62m, May), Contractor)
            .ThenFails(ErrorCodes.ProjectCompleted);
}
