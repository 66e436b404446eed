using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;
using static KeyWorks.Domain.Tests.Fixtures;
using static KeyWorks.Domain.Tests.GivenWhenThen;

namespace KeyWorks.Domain.Tests.Deciding;

public sealed class registering_projects
{
    [Fact]
    public void registering_a_programme_records_it() =>
        Given()
            .When(new RegisterProgramme(Programme, "高新区2026年“三十工程”", 2026, "示范高新区"))
            .Then(ProgrammeEvent);

    [Fact]
    public void registering_a_programme_twice_fails() =>
        Given(ProgrammeEvent)
            .When(new RegisterProgramme(Programme, "again", 2026, "示范高新区"))
            .ThenFails(ErrorCodes.ProgrammeAlreadyRegistered);

    [Fact]
    public void registering_a_project_in_a_known_programme_records_it() =>
        Given(ProgrammeEvent)
            .When(new RegisterProject(Project, Programme, RoadDetails))
            .Then(Registered);

    [Fact]
    public void registering_a_project_in_an_unknown_programme_fails() =>
        Given()
            .When(new RegisterProject(Project, Programme, RoadDetails))
            .ThenFails(ErrorCodes.ProgrammeNotFound);

    [Fact]
    public void registering_a_project_twice_fails() =>
        Given(ProgrammeEvent, Registered)
            .When(new RegisterProject(Project, Programme, RoadDetails))
            .ThenFails(ErrorCodes.ProjectAlreadyRegistered);

    [Fact]
    public void registering_with_a_negative_total_investment_fails() =>
        Given(ProgrammeEvent)
            .When(new RegisterProject(Project, Programme, RoadDetails with { TotalInvestment = -1m }))
            .ThenFails(ErrorCodes.NegativeAmount);

    [Fact]
    public void registering_with_completion_before_start_fails() =>
        Given(ProgrammeEvent)
            .When(new RegisterProject(Project, Programme, RoadDetails with { PlannedCompletion = new DateOnly(2025, 1, 1) }))
            .ThenFails(ErrorCodes.InvalidDates);

    [Fact]
    public void a_contractor_may_not_register_a_project() =>
        Given(ProgrammeEvent)
            .When(new RegisterProject(Project, Programme, RoadDetails), Contractor)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void an_auditor_may_change_nothing() =>
        Given(ProgrammeEvent)
            .When(new RegisterProject(Project, Programme, RoadDetails), Auditor)
            .ThenFails(ErrorCodes.Forbidden);

    [Fact]
    public void amending_details_records_them_with_the_reason()
    {
        var amended = RoadDetails with { Scale = "全长3300米" };
        Given(Basics)
            .When(new AmendProjectDetails(Project, amended, "设计优化"))
            .Then(new ProjectDetailsAmended(Project, amended, "设计优化"));
    }

    [Fact]
    public void amending_an_unknown_project_fails() =>
        Given(ProgrammeEvent)
            .When(new AmendProjectDetails("nope", RoadDetails, "设计优化"))
            .ThenFails(ErrorCodes.ProjectNotFound);

    [Fact]
    public void amending_without_a_reason_fails() =>
        Given(Basics)
            .When(new AmendProjectDetails(Project, RoadDetails, " "))
            .ThenFails(ErrorCodes.Required);

    [Fact]
    public void assigning_responsibility_records_leader_and_units() =>
        Given(ProgrammeEvent, Registered)
            .When(new AssignResponsibility(Project, "leader-wang", "王建国", "区交通运输局", "区住建局", [ContractorUnit]))
            .Then(Assigned);

    [Fact]
    public void assigning_responsibility_to_an_unknown_project_fails() =>
        Given(ProgrammeEvent)
            .When(new AssignResponsibility("nope", "leader-wang", "王建国", "区交通运输局", "区住建局", []))
            .ThenFails(ErrorCodes.ProjectNotFound);

    [Fact]
    public void a_leader_may_not_assign_responsibility() =>
        Given(ProgrammeEvent, Registered)
            .When(new AssignResponsibility(Project, "leader-wang", "王建国", "区交通运输局", "区住建局", []), Leader)
            .ThenFails(ErrorCodes.Forbidden);
}
