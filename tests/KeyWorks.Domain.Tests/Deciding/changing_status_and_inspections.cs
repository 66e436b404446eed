using KeyWorks.Domain.Projects;
using static KeyWorks.Domain.Tests.Fixtures;
using static KeyWorks.Domain.Tests.GivenWhenThen;

namespace KeyWorks.Domain.Tests.Deciding;

public sealed class changing_status_and_inspections
{
    [Fact]
    public void the_office_suspends_a_project_with_a_reason() =>
        Given(Basics)
            .When(new SuspendProject(Project, "融资方案调整"))
            .Then(new ProjectSuspended(Project, "融资方案调整"));

    [Fact]
    public void suspending_a_suspended_project_fails() =>
        Given(Basics).And(new ProjectSuspended(Project, "融资方案调整"))
            .When(new SuspendProject(Project, "again"))
            .ThenFails(ErrorCodes.ProjectSuspended);

    [Fact]
    public void resuming_a_suspended_project_records_it() =>
        Given(Basics).And(new ProjectSuspended(Project, "融资方案调整"))
            .When(new ResumeProject(Project, "融资落实"))
            .Then(new ProjectResumed(Project, "融资落实"));

    [Fact]
    public void resuming_an_active_project_fails() =>
        Given(Basics)
            .When(new ResumeProject(Project, "融资落实"))
            .ThenFails(ErrorCodes.ProjectNotSuspended);

    [Fact]
    public void completing_a_project_records_the_date() =>
        Given(Basics)
            .When(new CompleteProject(Project, new DateOnly(2026, 6, 1)))
            .Then(new ProjectCompleted(Project, new DateOnly(2026, 6, 1)));

    [Fact]
    public void completing_in_the_future_fails() =>
        Given(Basics)
            .When(new CompleteProject(Project, new DateOnly(2026, 6, 11)))
            .ThenFails(ErrorCodes.DateInFuture);

    [Fact]
    public void completing_twice_fails() =>
        Given(Basics).And(new ProjectCompleted(Project, new DateOnly(2026, 6, 1)))
            .When(new CompleteProject(Project, new DateOnly(2026, 6, 2)))
            .ThenFails(ErrorCodes.ProjectCompleted);

    [Fact]
    public void a_contractor_may_not_suspend_a_project() =>
        Given(Basics)
            .When(new SuspendProject(Project, "停工"), Contractor)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void the_office_scores_an_inspection() =>
        Given(Basics)
            .When(new ScoreInspection(Project, "gz-04", new DateOnly(2026, 4, 28), 92.5m, "四月观摩"))
            .Then(new InspectionScored(Project, "gz-04", new DateOnly(2026, 4, 28), 92.5m, Office.UserId, "四月观摩"));

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    public void a_score_outside_0_to_100_fails(double score) =>
        Given(Basics)
            .When(new ScoreInspection(Project, "gz-04", new DateOnly(2026, 4, 28), (decimal)score, ""))
            .ThenFails(ErrorCodes.ScoreOutOfRange);

    [Fact]
    public void scoring_the_same_inspection_twice_fails() =>
        Given(Basics).And(new InspectionScored(Project, "gz-04", new DateOnly(2026, 4, 28), 90m, Office.UserId, ""))
            .When(new ScoreInspection(Project, "gz-04", new DateOnly(2026, 4, 28), 91m, ""))
            .ThenFails(ErrorCodes.InspectionAlreadyScored);

    [Fact]
    public void a_contractor_may_not_score_an_inspection() =>
        Given(Basics)
            .When(new ScoreInspection(Project, "gz-04", new DateOnly(2026, 4, 28), 99m, ""), Contractor)
            .ThenFails(ErrorCodes.Forbidden);
}
