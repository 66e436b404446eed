using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain;

/// <summary>The events of one accepted command and the stream they belong to.</summary>
public sealed record Decision(string StreamId, IReadOnlyList<IDomainEvent> Events);

/// <summary>Routes a command to its use case's decision. Pure: state, actor and time come in, events come out.</summary>
public static class Decider
{
    /// <summary>The stream a command writes to: programme, project or problem id.</summary>
    public static string StreamOf(object command) => command switch
    {
        RegisterProgramme c => c.ProgrammeId,
        RaiseProblem c => c.ProblemId,
        AssignProblem c => c.ProblemId,
        AcceptProblem c => c.ProblemId,
        HandleProblem c => c.ProblemId,
        CloseProblem c => c.ProblemId,
        ReopenProblem c => c.ProblemId,
        EscalateProblem c => c.ProblemId,
        IProjectCommand c => c.ProjectId,
        _ => throw Unknown(command),
    };

    /// <summary>Decides a command; throws <see cref="DomainException"/> when it is rejected.</summary>
    public static Decision Decide(DomainState state, object command, Actor actor, DateTimeOffset now)
    {
        if (actor.Role == Role.Auditor)
            throw Rules.Reject(ErrorCodes.Forbidden, $"{actor.Name} is an auditor and may only read（审计角色只读）");
        var events = command switch
        {
            RegisterProgramme c => RegisteringProgramme.Handle(state.Programme(c.ProgrammeId), c, actor),
            RegisterProject c => RegisteringProject.Handle(state.Programme(c.ProgrammeId), state.Project(c.ProjectId), c, actor),
            AmendProjectDetails c => AmendingProject.Handle(state.Project(c.ProjectId), c, actor),
            AssignResponsibility c => AssigningResponsibility.Handle(state.Project(c.ProjectId), c, actor),
            SetAnnualPlan c => PlanningInvestment.Handle(state.Project(c.ProjectId), c, actor),
            ReviseAnnualPlan c => PlanningInvestment.Handle(state.Project(c.ProjectId), c, actor),
            PlanNode c => PlanningNodes.Handle(state.Project(c.ProjectId), c, actor),
            ReplanNode c => PlanningNodes.Handle(state.Project(c.ProjectId), c, actor),
            ReportNodeReached c => ReportingNodes.Handle(state.Project(c.ProjectId), c, actor, now),
            ConfirmNodeReport c => ReportingNodes.Handle(state.Project(c.ProjectId), c, actor),
            RejectNodeReport c => ReportingNodes.Handle(state.Project(c.ProjectId), c, actor),
            ReportInvestment c => ReportingInvestment.Handle(state.Project(c.ProjectId), c, actor, now),
            ConfirmInvestmentReport c => ReportingInvestment.Handle(state.Project(c.ProjectId), c, actor),
            RejectInvestmentReport c => ReportingInvestment.Handle(state.Project(c.ProjectId), c, actor),
            CorrectInvestment c => ReportingInvestment.Handle(state.Project(c.ProjectId), c, actor),
            ReportPhysicalProgress c => ReportingProgress.Handle(state.Project(c.ProjectId), c, actor, now),
            ConfirmPhysicalProgress c => ReportingProgress.Handle(state.Project(c.ProjectId), c, actor),
            RejectPhysicalProgress c => ReportingProgress.Handle(state.Project(c.ProjectId), c, actor),
            SuspendProject c => ChangingProjectStatus.Handle(state.Project(c.ProjectId), c, actor),
            ResumeProject c => ChangingProjectStatus.Handle(state.Project(c.ProjectId), c, actor),
            CompleteProject c => ChangingProjectStatus.Handle(state.Project(c.ProjectId), c, actor, now),
            ScoreInspection c => ScoringInspections.Handle(state.Project(c.ProjectId), c, actor, now),
            RaiseProblem c => HandlingProblems.Handle(state.Project(c.ProjectId), state.Problem(c.ProblemId), c, actor, now),
            AssignProblem c => HandlingProblems.Handle(state.Problem(c.ProblemId), c, actor, now),
            AcceptProblem c => HandlingProblems.Handle(state.Problem(c.ProblemId), c, actor, now),
            HandleProblem c => HandlingProblems.Handle(state.Problem(c.ProblemId), c, actor, now),
            CloseProblem c => HandlingProblems.Handle(state.Problem(c.ProblemId), c, actor, now),
            ReopenProblem c => HandlingProblems.Handle(state.Problem(c.ProblemId), c, actor, now),
            EscalateProblem c => HandlingProblems.Handle(
                state.Problem(c.ProblemId) is { } p ? state.Project(p.ProjectId) : null, state.Problem(c.ProblemId), c, actor, now),
            _ => throw Unknown(command),
        };
        return new Decision(StreamOf(command), events);
    }

    /// <summary>The business date an event is about: the report's month end for monthly reports, else the recorded date.</summary>
    public static DateOnly BusinessDateOf(IDomainEvent @event, DateTimeOffset recordedAt) => @event switch
    {
        InvestmentReported e => e.Month.LastDay,
        InvestmentReportConfirmed e => e.Month.LastDay,
        InvestmentReportRejected e => e.Month.LastDay,
        InvestmentCorrected e => e.Month.LastDay,
        PhysicalProgressReported e => e.Month.LastDay,
        PhysicalProgressConfirmed e => e.Month.LastDay,
        PhysicalProgressRejected e => e.Month.LastDay,
        NodeReachedReported e => e.ReachedOn,
        NodeReportConfirmed e => e.ReachedOn,
        InspectionScored e => e.InspectedOn,
        ProjectCompleted e => e.CompletedOn,
        _ => BusinessCalendar.DateOf(recordedAt),
    };

    private static DomainException Unknown(object command) =>
        Rules.Reject(ErrorCodes.UnknownCommand, $"Unknown command {command.GetType().Name}");
}
