using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Problems;

public sealed record RaiseProblem(string ProblemId, string ProjectId, ProblemCategory Category, string Title, string Description);

/// <summary>交办: hands the problem to a unit; the deadline is the close (办结) date, 10 days on when left out.</summary>
public sealed record AssignProblem(string ProblemId, string Unit, DateOnly? Deadline = null);

/// <summary>受理, with the unit's note (受理意见) when it gives one.</summary>
public sealed record AcceptProblem(string ProblemId, string? Note = null);

public sealed record HandleProblem(string ProblemId, string Action);

/// <summary>销号: closes with evidence of the fix.</summary>
public sealed record CloseProblem(string ProblemId, string Evidence);

public sealed record ReopenProblem(string ProblemId, string Reason, DateOnly? NewDeadline = null);

/// <summary>Escalates an overdue stage to the project's assigned leader.</summary>
public sealed record EscalateProblem(string ProblemId);

public sealed record ProblemRaised(
    string ProblemId, string ProjectId, ProblemCategory Category, string Title, string Description, string RaisedBy, DateTimeOffset RaisedAt)
    : IProblemEvent;

public sealed record ProblemAssigned(string ProblemId, string ProjectId, string Unit, DateOnly Deadline, DateTimeOffset AssignedAt, string AssignedBy)
    : IProblemEvent;

public sealed record ProblemAccepted(string ProblemId, DateTimeOffset AcceptedAt, string AcceptedBy, string? Note = null) : IProblemEvent;

public sealed record ProblemHandled(string ProblemId, string Action, DateTimeOffset HandledAt, string HandledBy) : IProblemEvent;

public sealed record ProblemClosed(string ProblemId, string Evidence, DateTimeOffset ClosedAt, string ClosedBy) : IProblemEvent;

public sealed record ProblemReopened(string ProblemId, string Reason, DateOnly NewDeadline, DateTimeOffset ReopenedAt, string ReopenedBy) : IProblemEvent;

public sealed record ProblemEscalated(
    string ProblemId, string ProjectId, ProblemStage OverdueStage, string LeaderId, string LeaderName, double OverdueDays, DateTimeOffset EscalatedAt)
    : IProblemEvent;

public static class HandlingProblems
{
    public static IReadOnlyList<IDomainEvent> Handle(ProjectState? project, ProblemState? state, RaiseProblem command, Actor actor, DateTimeOffset now)
    {
        Rules.Exists(project, command.ProjectId);
        Rules.OfficeOrMember(actor, command.ProjectId);
        if (state is not null)
            throw Rules.Reject(ErrorCodes.ProblemAlreadyRaised, $"Problem {command.ProblemId} already exists（问题已存在）", "problemId");
        Rules.Text(command.Title, "title");
        return [new ProblemRaised(command.ProblemId, command.ProjectId, command.Category, command.Title, command.Description ?? "", actor.UserId, now)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProblemState? state, AssignProblem command, Actor actor, DateTimeOffset now)
    {
        Rules.Office(actor);
        var problem = Existing(state, command.ProblemId);
        Stage(problem, ProblemStage.Raised, ProblemStage.Assigned);
        Rules.Text(command.Unit, "unit");
        var deadline = command.Deadline ?? ProblemClocks.DefaultDeadline(now);
        if (deadline < BusinessCalendar.DateOf(now))
            throw Rules.Reject(ErrorCodes.DeadlineInPast, $"Deadline {deadline:yyyy-MM-dd} has passed（办结时限已过）", "deadline");
        return [new ProblemAssigned(command.ProblemId, problem.ProjectId, command.Unit, deadline, now, actor.UserId)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProblemState? state, AcceptProblem command, Actor actor, DateTimeOffset now)
    {
        var problem = Existing(state, command.ProblemId);
        AssignedUnitOrOffice(problem, actor);
        Stage(problem, ProblemStage.Assigned);
        return [new ProblemAccepted(command.ProblemId, now, actor.UserId, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim())];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProblemState? state, HandleProblem command, Actor actor, DateTimeOffset now)
    {
        var problem = Existing(state, command.ProblemId);
        AssignedUnitOrOffice(problem, actor);
        Stage(problem, ProblemStage.Accepted);
        Rules.Text(command.Action, "action");
        return [new ProblemHandled(command.ProblemId, command.Action, now, actor.UserId)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProblemState? state, CloseProblem command, Actor actor, DateTimeOffset now)
    {
        Rules.Office(actor);
        var problem = Existing(state, command.ProblemId);
        Stage(problem, ProblemStage.Handled);
        Rules.Text(command.Evidence, "evidence");
        return [new ProblemClosed(command.ProblemId, command.Evidence, now, actor.UserId)];
    }

    public static IReadOnlyList<IDomainEvent> Handle(ProblemState? state, ReopenProblem command, Actor actor, DateTimeOffset now)
    {
        Rules.Office(actor);
        var problem = Existing(state, command.ProblemId);
        Stage(problem, ProblemStage.Handled, ProblemStage.Closed);
        Rules.Text(command.Reason, "reason");
        var deadline = command.NewDeadline ?? ProblemClocks.DefaultDeadline(now);
        if (deadline < BusinessCalendar.DateOf(now))
            throw Rules.Reject(ErrorCodes.DeadlineInPast, $"Deadline {deadline:yyyy-MM-dd} has passed（办结时限已过）", "newDeadline");
        return [new ProblemReopened(command.ProblemId, command.Reason, deadline, now, actor.UserId)];
    }

    /// <summary>Escalates every stage that is running late and not yet escalated, to the project's leader.</summary>
    public static IReadOnlyList<IDomainEvent> Handle(
        ProjectState? project, ProblemState? state, EscalateProblem command, Actor actor, DateTimeOffset now, ProblemClockOptions? options = null)
    {
        Rules.Office(actor);
        var problem = Existing(state, command.ProblemId);
        var owner = Rules.Exists(project, problem.ProjectId);
        var late = ProblemClocks.ToEscalate(problem, now, options);
        if (late.Count == 0)
            throw Rules.Reject(ErrorCodes.ProblemNotOverdue, $"Problem {problem.Title} has no overdue stage to escalate（无超时环节）", "problemId");
        var leader = owner.Responsibility;
        return [.. late.Select(c => new ProblemEscalated(problem.Id, problem.ProjectId, c.Stage,
            leader?.LeaderId ?? "", leader?.LeaderName ?? "", c.OverdueDays, now))];
    }

    private static ProblemState Existing(ProblemState? state, string problemId) =>
        state ?? throw Rules.Reject(ErrorCodes.ProblemNotFound, $"Problem {problemId} does not exist（问题不存在）", "problemId");

    private static void Stage(ProblemState problem, params ProblemStage[] allowed)
    {
        if (!allowed.Contains(problem.Stage))
            throw Rules.Reject(ErrorCodes.ProblemWrongStage,
                $"Problem {problem.Title} is {problem.Stage}; this needs {string.Join(" or ", allowed)}（问题当前环节不允许此操作）", "problemId");
    }

    private static void AssignedUnitOrOffice(ProblemState problem, Actor actor)
    {
        if (actor.Role == Role.Office) return;
        if (actor.Role != Role.Auditor && problem.Unit is not null && actor.Unit == problem.Unit) return;
        throw Rules.Reject(ErrorCodes.Forbidden, $"{actor.Name} is not in the unit the problem was assigned to（非交办单位）");
    }
}
