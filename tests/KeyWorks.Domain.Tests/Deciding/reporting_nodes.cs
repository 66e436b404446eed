using KeyWorks.Domain.Projects;
using static KeyWorks.Domain.Tests.Fixtures;
using static KeyWorks.Domain.Tests.GivenWhenThen;

namespace KeyWorks.Domain.Tests.Deciding;

public sealed class reporting_nodes
{
    private static readonly DateOnly LandReached = new(2026, 3, 28);
    private static readonly IDomainEvent[] Nodes = [.. Basics, Node(StandardNodes.Land, 3, 31), Node(StandardNodes.Start, 4, 30)];
    private static readonly NodeReachedReported LandReported = new(Project, StandardNodes.Land, LandReached, Contractor.UserId, "交地完成");

    [Fact]
    public void a_contractor_reports_a_node_of_its_own_project() =>
        Given(Nodes)
            .When(new ReportNodeReached(Project, StandardNodes.Land, LandReached, "交地完成"), Contractor)
            .Then(LandReported);

    [Fact]
    public void a_contractor_of_another_project_is_forbidden() =>
        Given(Nodes)
            .When(new ReportNodeReached(Project, StandardNodes.Land, LandReached, null), OtherContractor)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void a_leader_may_not_report_a_node() =>
        Given(Nodes)
            .When(new ReportNodeReached(Project, StandardNodes.Land, LandReached, null), Leader)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void a_node_reached_in_the_future_fails() =>
        Given(Nodes)
            .When(new ReportNodeReached(Project, StandardNodes.Land, new DateOnly(2026, 6, 11), null), Contractor)
            .ThenFails(ErrorCodes.DateInFuture);

    [Fact]
    public void a_node_reached_before_the_previous_node_was_reached_fails() =>
        Given(Nodes).And(LandReported, new NodeReportConfirmed(Project, StandardNodes.Land, LandReached, Office.UserId))
            .When(new ReportNodeReached(Project, StandardNodes.Start, new DateOnly(2026, 3, 27), null), Contractor)
            .ThenFails(ErrorCodes.NodeDateBeforePrevious);

    [Fact]
    public void a_report_on_an_unknown_project_fails() =>
        Given(Nodes)
            .When(new ReportNodeReached("nope", StandardNodes.Land, LandReached, null))
            .ThenFails(ErrorCodes.ProjectNotFound);

    [Fact]
    public void the_office_confirms_a_reported_node() =>
        Given(Nodes).And(LandReported)
            .When(new ConfirmNodeReport(Project, StandardNodes.Land))
            .Then(new NodeReportConfirmed(Project, StandardNodes.Land, LandReached, Office.UserId));

    [Fact]
    public void a_contractor_may_not_confirm_its_own_report() =>
        Given(Nodes).And(LandReported)
            .When(new ConfirmNodeReport(Project, StandardNodes.Land), Contractor)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void confirming_without_a_pending_report_fails() =>
        Given(Nodes)
            .When(new ConfirmNodeReport(Project, StandardNodes.Land))
            .ThenFails(ErrorCodes.NoPendingReport);

    [Fact]
    public void the_office_rejects_a_report_with_a_reason() =>
        Given(Nodes).And(LandReported)
            .When(new RejectNodeReport(Project, StandardNodes.Land, "交地确认书未签"))
            .Then(new NodeReportRejected(Project, StandardNodes.Land, "交地确认书未签", Office.UserId));

    [Fact]
    public void reporting_a_node_already_reached_fails() =>
        Given(Nodes).And(LandReported, new NodeReportConfirmed(Project, StandardNodes.Land, LandReached, Office.UserId))
            .When(new ReportNodeReached(Project, StandardNodes.Land, LandReached, null), Contractor)
            .ThenFails(ErrorCodes.NodeAlreadyReached);

    [Fact]
    public void a_node_report_on_a_suspended_project_fails() =>
        Given(Nodes).And(new ProjectSuspended(Project, "停工"))
            .When(new ReportNodeReached(Project, StandardNodes.Land, LandReached, null), Contractor)
            .ThenFails(ErrorCodes.ProjectSuspended);
}
