using KeyWorks.Domain.Demo;
using KeyWorks.EventStore;
using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Sessions;
using DomainEnvelope = KeyWorks.Domain.ReadModels.EventEnvelope;

namespace KeyWorks.Domain.Storing;

/// <summary>
/// Loads <see cref="ScaledProgramme"/> (the demo grown to hundreds of projects) into an empty store quickly enough for
/// tests and benchmarks. The commands are decided by the same pure <see cref="Decider"/> as users' commands
/// (<see cref="CommandRun"/>, in memory), and their events are appended in runs: consecutive events of one user on one
/// China day go in one append, recorded at the run's last command's time, each stream at its exact expected version.
/// </summary>
/// <remarks>
/// Recorded times move forward by at most a day within a run, so "as of" reads of this programme are exact to the day,
/// not the minute; the demo itself (<see cref="DemoLoader"/>) keeps every command's own time.
/// </remarks>
public static class ScaledProgrammeLoader
{
    /// <summary>Progress is reported each time this many more commands are stored, and at the end.</summary>
    public const int ReportEvery = 2000;

    /// <summary>
    /// Loads the programme unless the store already holds events (then it is skipped); <paramref name="progress"/> gets
    /// the share of the commands stored so far, counted in commands.
    /// </summary>
    public static async Task<DemoLoadResult> LoadAsync(
        PostgresEventStore store, int projectCount, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var commands = ScaledProgramme.Commands(projectCount);
        if (await store.GetHeadPositionAsync(cancellationToken) > 0)
        {
            return new DemoLoadResult(commands.Count, 0, 0, [], Skipped: true);
        }

        var run = CommandRun.Execute(commands);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var done = 0;
        foreach (var batch in Runs(run.Envelopes))
        {
            await AppendAsync(store, batch, versions, cancellationToken);
            var before = (int)((long)commands.Count * done / run.Envelopes.Count);
            done += batch.Count;
            var after = (int)((long)commands.Count * done / run.Envelopes.Count);
            if (after / ReportEvery != before / ReportEvery || done == run.Envelopes.Count)
            {
                progress?.Report(after);
            }
        }

        return new DemoLoadResult(commands.Count, commands.Count - run.Rejections.Count, 0, run.Rejections, Skipped: false);
    }

    /// <summary>Consecutive events of one user on one China day.</summary>
    private static IEnumerable<List<DomainEnvelope>> Runs(IReadOnlyList<DomainEnvelope> events)
    {
        var current = new List<DomainEnvelope>();
        foreach (var e in events)
        {
            if (current.Count > 0 && (current[0].UserId != e.UserId || BusinessCalendar.DateOf(current[0].RecordedAt) != BusinessCalendar.DateOf(e.RecordedAt)))
            {
                yield return current;
                current = [];
            }

            current.Add(e);
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    private static async Task AppendAsync(
        PostgresEventStore store, List<DomainEnvelope> batch, Dictionary<string, long> versions, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSession(new SessionMetadata(batch[0].UserId, RecordedAt: batch[^1].RecordedAt));
        foreach (var stream in batch.GroupBy(e => e.StreamId, StringComparer.Ordinal))
        {
            var version = versions.GetValueOrDefault(stream.Key);
            var events = stream.Select(e => new EventData(e.Event, e.BusinessDate)).ToList();
            session.Append(stream.Key, ExpectedVersion.Exact(version), null, events, KeyWorksEventTypes.StreamTypeOf(stream.First().Event));
            versions[stream.Key] = version + events.Count;
        }

        await session.SaveChangesAsync(cancellationToken);
    }
}
