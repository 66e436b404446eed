using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;
using static KeyWorks.Domain.Tests.Fixtures;

namespace KeyWorks.Domain.Tests.Deciding;

public sealed class routing_commands
{
    [Fact]
    public void a_command_goes_to_the_stream_it_is_about()
    {
        Assert.Equal(Project, Decider.StreamOf(new ReportInvestment(Project, M(5), 1m, 1m)));
        Assert.Equal("p-1", Decider.StreamOf(new AcceptProblem("p-1")));
    }

    [Fact]
    public void an_unknown_command_is_rejected() =>
        Assert.Equal(ErrorCodes.UnknownCommand,
            Assert.Throws<DomainException>(() => Decider.Decide(DomainState.Empty, "not a command", Office, Now)).Error.Code);

    [Fact]
    public void a_monthly_report_is_about_its_month_whenever_it_is_recorded()
    {
        var recorded = new DateTimeOffset(2026, 4, 3, 9, 0, 0, BusinessCalendar.ChinaOffset);
        Assert.Equal(new DateOnly(2026, 3, 31),
            Decider.BusinessDateOf(new InvestmentReported(Project, M(3), 1m, 1m, "u", null), recorded));
        Assert.Equal(new DateOnly(2026, 4, 3), Decider.BusinessDateOf(new ProjectSuspended(Project, "停工"), recorded));
    }

    [Fact]
    public void the_business_date_is_the_date_in_china()
    {
        // 16:30 UTC on 31 March is 00:30 on 1 April in China.
        Assert.Equal(new DateOnly(2026, 4, 1), BusinessCalendar.DateOf(new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void a_run_numbers_events_and_keeps_rejections_apart()
    {
        var run = CommandRun.Execute([
            new IssuedCommand(new RegisterProgramme(Programme, "计划", 2026, "区"), Office, Now),
            new IssuedCommand(new RegisterProject(Project, Programme, RoadDetails), Contractor, Now),
            new IssuedCommand(new RegisterProject(Project, Programme, RoadDetails), Office, Now.AddMinutes(1)),
            new IssuedCommand(new RaiseProblem("p-1", Project, ProblemCategory.Land, "征迁", ""), Office, Now.AddMinutes(2)),
        ]);
        Assert.Equal([1L, 2L, 3L], run.Envelopes.Select(e => e.Position));
        Assert.Equal([Programme, Project, "p-1"], run.Envelopes.Select(e => e.StreamId));
        Assert.Equal(ErrorCodes.Forbidden, Assert.Single(run.Rejections).Error.Code);
        Assert.NotNull(run.State.Problem("p-1"));
    }
}
