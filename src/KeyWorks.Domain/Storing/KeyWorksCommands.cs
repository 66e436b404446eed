using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Projects;
using KeyWorks.EventStore;
using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Sessions;
using DomainEnvelope = KeyWorks.Domain.ReadModels.EventEnvelope;
using StoreEnvelope = KeyWorks.EventStore.Events.EventEnvelope;

namespace KeyWorks.Domain.Storing;

/// <summary>What a command did: the stream it wrote to and its events; <see cref="Duplicate"/> when its idempotency key
/// had been used before, in which case the events are the first run's and nothing was appended.</summary>
public sealed record CommandResult(string StreamId, IReadOnlyList<DomainEnvelope> Events, bool Duplicate);

/// <summary>
/// Runs commands against the store: loads the aggregates the decision reads from their streams, decides with the pure
/// <see cref="Decider"/>, and appends the events to the command's stream at the exact version that was read, recording
/// the actor as the events' user. On <c>VERSION_CONFLICT</c> (someone appended to that stream in between) it reads and
/// decides again, a few times. A rejection (<see cref="DomainException"/>) appends nothing. With an idempotency key,
/// a repeat returns the first run's events and appends nothing.
/// </summary>
/// <remarks>
/// Only the written stream is guarded by its expected version; the other streams a decision reads (a project for a
/// problem, a programme for a new project) are read as they are at that moment.
/// </remarks>
public sealed class KeyWorksCommands(PostgresEventStore store, TimeProvider time)
{
    /// <summary>How many times a command is decided before a version conflict is passed on.</summary>
    public int MaxAttempts { get; init; } = 4;

    public PostgresEventStore Store { get; } = store;

    /// <summary>Runs a user's command now (time from the <see cref="TimeProvider"/>).</summary>
    public Task<CommandResult> ExecuteAsync(object command, Actor actor, string? idempotencyKey, CancellationToken cancellationToken) =>
        RunAsync(command, actor, idempotencyKey, null, cancellationToken);

    /// <summary>
    /// Imports a command of past history (the demo programme) as if issued at <see cref="IssuedCommand.At"/>: decided with
    /// that time and recorded at it. Fails with <see cref="RecordedTimeException"/> when newer events are already stored.
    /// </summary>
    public Task<CommandResult> ImportAsync(IssuedCommand issued, string idempotencyKey, CancellationToken cancellationToken) =>
        RunAsync(issued.Command, issued.Actor, idempotencyKey, issued.At, cancellationToken);

    private async Task<CommandResult> RunAsync(object command, Actor actor, string? key, DateTimeOffset? recordedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        var streamId = Decider.StreamOf(command);
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await LoadAsync(command, streamId, ct);
            if (key is not null && loaded.Written.Where(e => e.IdempotencyKey == key).ToList() is { Count: > 0 } earlier)
            {
                return new CommandResult(streamId, Map(earlier), Duplicate: true);
            }

            var now = recordedAt ?? time.GetUtcNow();
            var decision = Decider.Decide(loaded.State, command, actor, now);
            if (decision.Events.Count == 0)
            {
                return new CommandResult(streamId, [], Duplicate: false);
            }

            try
            {
                return await AppendAsync(decision, actor, key, loaded.Version, now, recordedAt, ct);
            }
            catch (VersionConflictException) when (attempt < MaxAttempts)
            {
                // Someone else wrote to the stream since we read it: decide again on what is there now.
            }
        }
    }

    private async Task<CommandResult> AppendAsync(
        Decision decision, Actor actor, string? key, long version, DateTimeOffset now, DateTimeOffset? recordedAt, CancellationToken ct)
    {
        await using var session = Store.OpenSession(new SessionMetadata(actor.UserId, RecordedAt: recordedAt));
        var events = decision.Events.Select(e => new EventData(e, Decider.BusinessDateOf(e, now))).ToList();
        session.Append(decision.StreamId, ExpectedVersion.Exact(version), key, events, KeyWorksEventTypes.StreamTypeOf(decision.Events[0]));
        var result = (await session.SaveChangesAsync(ct))[0];
        var stored = await Store.QueryEventsAsync(
            new EventQuery { AfterPosition = result.FirstPosition - 1, ToPosition = result.LastPosition }, ct);
        return new CommandResult(decision.StreamId, Map(stored), result.Duplicate);
    }

    /// <summary>The written stream (its events and version) and every other aggregate the decision reads.</summary>
    private async Task<Loaded> LoadAsync(object command, string streamId, CancellationToken ct)
    {
        var written = await Store.ReadStreamAsync(streamId, cancellationToken: ct);
        var state = Fold(DomainState.Empty, written);
        var others = command switch
        {
            RegisterProject c => [c.ProgrammeId],
            RaiseProblem c => [c.ProjectId],
            EscalateProblem c when state.Problem(c.ProblemId) is { } problem => [problem.ProjectId],
            _ => Array.Empty<string>(),
        };
        foreach (var other in others.Where(id => id != streamId))
        {
            state = Fold(state, await Store.ReadStreamAsync(other, cancellationToken: ct));
        }

        return new Loaded(state, written, written.Count == 0 ? 0 : written[^1].Version);
    }

    private static DomainState Fold(DomainState state, IEnumerable<StoreEnvelope> events) =>
        state.Apply(events.Select(e => e.Data).OfType<IDomainEvent>());

    private static List<DomainEnvelope> Map(IEnumerable<StoreEnvelope> stored) =>
        [.. stored.Select(KeyWorksEventTypes.ToDomain).OfType<DomainEnvelope>()];

    private sealed record Loaded(DomainState State, IReadOnlyList<StoreEnvelope> Written, long Version);
}
