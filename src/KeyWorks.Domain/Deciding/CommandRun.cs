using KeyWorks.Domain.ReadModels;

namespace KeyWorks.Domain;

/// <summary>A command as a user issued it: who, and when it was recorded.</summary>
public sealed record IssuedCommand(object Command, Actor Actor, DateTimeOffset At);

public sealed record Rejection(IssuedCommand Command, DomainError Error);

public sealed record CommandRunResult(DomainState State, IReadOnlyList<EventEnvelope> Envelopes, IReadOnlyList<Rejection> Rejections);

/// <summary>
/// Runs commands in order through <see cref="Decider"/> against in-memory state, numbering the events as a store would.
/// The demo programme is loaded this way, and the tests use it as a store without persistence.
/// </summary>
public static class CommandRun
{
    public static CommandRunResult Execute(IEnumerable<IssuedCommand> commands, DomainState? state = null, long position = 0)
    {
        state ??= DomainState.Empty;
        var envelopes = new List<EventEnvelope>();
        var rejections = new List<Rejection>();
        foreach (var issued in commands)
        {
            Decision decision;
            try
            {
                decision = Decider.Decide(state, issued.Command, issued.Actor, issued.At);
            }
            catch (DomainException rejected)
            {
                rejections.Add(new Rejection(issued, rejected.Error));
                continue;
            }
            foreach (var @event in decision.Events)
            {
                envelopes.Add(new EventEnvelope(@event, decision.StreamId, ++position, issued.At,
                    Decider.BusinessDateOf(@event, issued.At), issued.Actor.UserId));
            }
            state = state.Apply(decision.Events);
        }
        return new CommandRunResult(state, envelopes, rejections);
    }
}
