using KeyWorks.Domain.Problems;
using static KeyWorks.Domain.Tests.Fixtures;
using static KeyWorks.Domain.Tests.GivenWhenThen;

namespace KeyWorks.Domain.Tests.Deciding;

public sealed class handling_problems
{
    private const string Id = "p-1";
    private const string Unit = "文苑街道";
    private static readonly Actor UnitStaff = Actor.Contractor("staff-1", "郑凯", Unit);
    private static readonly Actor OtherUnit = Actor.Contractor("staff-2", "谢楠", "李万街道");
    private static readonly DateTimeOffset Raised = new(2026, 6, 1, 9, 0, 0, BusinessCalendar.ChinaOffset);
    private static readonly DateTimeOffset AssignedAt = Raised.AddHours(1);

    private static readonly ProblemRaised RaisedEvent =
        new(Id, Project, ProblemCategory.Land, "征迁滞后", "3户未签约", Contractor.UserId, Raised);

    private static readonly ProblemAssigned AssignedEvent =
        new(Id, Project, Unit, new DateOnly(2026, 6, 11), AssignedAt, Office.UserId);

    private static readonly ProblemAccepted AcceptedEvent = new(Id, AssignedAt.AddHours(3), UnitStaff.UserId);
    private static readonly ProblemHandled HandledEvent = new(Id, "分户做工作", AssignedAt.AddDays(4), UnitStaff.UserId);
    private static readonly ProblemClosed ClosedEvent = new(Id, "协议签订", AssignedAt.AddDays(8), Office.UserId);

    [Fact]
    public void a_contractor_raises_a_problem_on_its_own_project() =>
        Given(Basics)
            .When(new RaiseProblem(Id, Project, ProblemCategory.Land, "征迁滞后", "3户未签约"), Contractor, Raised)
            .Then(RaisedEvent);

    [Fact]
    public void a_leader_raises_a_problem_on_an_assigned_project() =>
        Given(Basics)
            .When(new RaiseProblem(Id, Project, ProblemCategory.Funding, "资金缺口", ""), Leader, Raised)
            .Then(new ProblemRaised(Id, Project, ProblemCategory.Funding, "资金缺口", "", Leader.UserId, Raised));

    [Fact]
    public void raising_on_someone_elses_project_is_forbidden() =>
        Given(Basics)
            .When(new RaiseProblem(Id, Project, ProblemCategory.Land, "征迁滞后", ""), OtherContractor, Raised)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void raising_on_an_unknown_project_fails() =>
        Given(Basics)
            .When(new RaiseProblem(Id, "nope", ProblemCategory.Land, "征迁滞后", ""), Office, Raised)
            .ThenFails(ErrorCodes.ProjectNotFound);

    [Fact]
    public void assigning_without_a_deadline_gives_ten_days() =>
        Given(Basics).And(RaisedEvent)
            .When(new AssignProblem(Id, Unit), Office, AssignedAt)
            .Then(AssignedEvent);

    [Fact]
    public void assigning_with_a_past_deadline_fails() =>
        Given(Basics).And(RaisedEvent)
            .When(new AssignProblem(Id, Unit, new DateOnly(2026, 5, 31)), Office, AssignedAt)
            .ThenFails(ErrorCodes.DeadlineInPast);

    [Fact]
    public void a_contractor_may_not_assign() =>
        Given(Basics).And(RaisedEvent)
            .When(new AssignProblem(Id, Unit), Contractor, AssignedAt)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void the_assigned_unit_accepts() =>
        Given(Basics).And(RaisedEvent, AssignedEvent)
            .When(new AcceptProblem(Id), UnitStaff, AssignedAt.AddHours(3))
            .Then(AcceptedEvent);

    [Fact]
    public void another_unit_may_not_accept() =>
        Given(Basics).And(RaisedEvent, AssignedEvent)
            .When(new AcceptProblem(Id), OtherUnit, AssignedAt.AddHours(3))
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void accepting_an_unassigned_problem_fails() =>
        Given(Basics).And(RaisedEvent)
            .When(new AcceptProblem(Id), Office, AssignedAt)
            .ThenFails(ErrorCodes.ProblemWrongStage);

    [Fact]
    public void accepting_an_unknown_problem_fails() =>
        Given(Basics)
            .When(new AcceptProblem(Id), Office, AssignedAt)
            .ThenFails(ErrorCodes.ProblemNotFound);

    [Fact]
    public void the_unit_reports_it_handled() =>
        Given(Basics).And(RaisedEvent, AssignedEvent, AcceptedEvent)
            .When(new HandleProblem(Id, "分户做工作"), UnitStaff, AssignedAt.AddDays(4))
            .Then(HandledEvent);

    [Fact]
    public void handling_before_accepting_fails() =>
        Given(Basics).And(RaisedEvent, AssignedEvent)
            .When(new HandleProblem(Id, "分户做工作"), UnitStaff, AssignedAt.AddDays(4))
            .ThenFails(ErrorCodes.ProblemWrongStage);

    [Fact]
    public void the_office_closes_with_evidence() =>
        Given(Basics).And(RaisedEvent, AssignedEvent, AcceptedEvent, HandledEvent)
            .When(new CloseProblem(Id, "协议签订"), Office, AssignedAt.AddDays(8))
            .Then(ClosedEvent);

    [Fact]
    public void closing_without_evidence_fails() =>
        Given(Basics).And(RaisedEvent, AssignedEvent, AcceptedEvent, HandledEvent)
            .When(new CloseProblem(Id, ""), Office, AssignedAt.AddDays(8))
            .ThenFails(ErrorCodes.Required);

    [Fact]
    public void the_unit_may_not_close_its_own_problem() =>
        Given(Basics).And(RaisedEvent, AssignedEvent, AcceptedEvent, HandledEvent)
            .When(new CloseProblem(Id, "协议签订"), UnitStaff, AssignedAt.AddDays(8))
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void reopening_a_closed_problem_restarts_the_clocks() =>
        Given(Basics).And(RaisedEvent, AssignedEvent, AcceptedEvent, HandledEvent, ClosedEvent)
            .When(new ReopenProblem(Id, "问题反弹"), Office, AssignedAt.AddDays(12))
            .Then(new ProblemReopened(Id, "问题反弹", new DateOnly(2026, 6, 23), AssignedAt.AddDays(12), Office.UserId));

    [Fact]
    public void reopening_an_open_problem_fails() =>
        Given(Basics).And(RaisedEvent, AssignedEvent)
            .When(new ReopenProblem(Id, "问题反弹"), Office, AssignedAt.AddDays(2))
            .ThenFails(ErrorCodes.ProblemWrongStage);

    [Fact]
    public void an_overdue_acceptance_escalates_to_the_projects_leader()
    {
        var at = AssignedAt.AddDays(1).AddMinutes(1);
        Given(Basics).And(RaisedEvent, AssignedEvent)
            .When(new EscalateProblem(Id), Office, at)
            .Then(new ProblemEscalated(Id, Project, ProblemStage.Accepted, "leader-wang", "王建国", 0, at));
    }

    [Fact]
    public void escalating_before_any_clock_runs_out_fails() =>
        Given(Basics).And(RaisedEvent, AssignedEvent)
            .When(new EscalateProblem(Id), Office, AssignedAt.AddDays(1))
            .ThenFails(ErrorCodes.ProblemNotOverdue);

    [Fact]
    public void a_stage_is_escalated_only_once() =>
        Given(Basics).And(RaisedEvent, AssignedEvent,
                new ProblemEscalated(Id, Project, ProblemStage.Accepted, "leader-wang", "王建国", 0.5, AssignedAt.AddDays(1.5)))
            .When(new EscalateProblem(Id), Office, AssignedAt.AddDays(2))
            .ThenFails(ErrorCodes.ProblemNotOverdue);

    [Fact]
    public void every_stage_running_late_is_escalated_together()
    {
        // Assigned 1 June 10:00; at 12 June 01:00 acceptance is 9 d 15 h late, handling 4 d 15 h, closing 1 h (0.04 d).
        var at = BusinessCalendar.EndOf(new DateOnly(2026, 6, 11)).AddHours(1);
        Given(Basics).And(RaisedEvent, AssignedEvent)
            .When(new EscalateProblem(Id), Office, at)
            .Then(
                new ProblemEscalated(Id, Project, ProblemStage.Accepted, "leader-wang", "王建国", 9.63, at),
                new ProblemEscalated(Id, Project, ProblemStage.Handled, "leader-wang", "王建国", 4.63, at),
                new ProblemEscalated(Id, Project, ProblemStage.Closed, "leader-wang", "王建国", 0.04, at));
    }
}
