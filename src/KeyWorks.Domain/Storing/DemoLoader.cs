using KeyWorks.Domain.Demo;
using KeyWorks.EventStore.Events;

namespace KeyWorks.Domain.Storing;

/// <summary>How a demo load went.</summary>
public sealed record DemoLoadResult(int Commands, int Appended, int AlreadyThere, IReadOnlyList<Rejection> Rejections, bool Skipped);

/// <summary>
/// Loads the demo programme through <see cref="KeyWorksCommands.ImportAsync"/>, the decisions a user's commands go
/// through, each command at its recorded time and with a deterministic idempotency key (<see cref="KeyOf"/>): a load
/// that stopped half-way resumes on the next start, and a finished one is not repeated.
/// </summary>
public static class DemoLoader
{
    /// <summary>Progress is reported every this many commands.</summary>
    public const int ProgressEvery = 100;

    /// <summary>The idempotency key of the demo's command number <paramref name="index"/>.</summary>
    public static string KeyOf(int index) => $"demo:{DemoProgramme.ProgrammeId}:{index:D4}";

    /// <summary>Whether the store holds a programme other than the demo's, in which case the demo is not loaded.</summary>
    public static async Task<bool> HoldsOtherProgrammeAsync(KeyWorksCommands commands, CancellationToken cancellationToken)
    {
        var registered = await commands.Store.QueryEventsAsync(new EventQuery { Types = ["programme-registered"] }, cancellationToken);
        return registered.Any(e => e.StreamId != DemoProgramme.ProgrammeId);
    }

    /// <summary>
    /// Loads the demo unless the store holds another programme or the demo's last command is already stored.
    /// <paramref name="progress"/> gets the number of commands done so far.
    /// </summary>
    public static async Task<DemoLoadResult> LoadAsync(KeyWorksCommands commands, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var all = DemoProgramme.Commands();
        if (await HoldsOtherProgrammeAsync(commands, cancellationToken) || await IsLoadedAsync(commands, all, cancellationToken))
        {
            return new DemoLoadResult(all.Count, 0, 0, [], Skipped: true);
        }

        var appended = 0;
        var already = 0;
        var rejections = new List<Rejection>();
        for (var i = 0; i < all.Count; i++)
        {
            try
            {
                var result = await commands.ImportAsync(all[i], KeyOf(i), cancellationToken);
                if (result.Duplicate) already++;
                else appended++;
            }
            catch (DomainException rejected)
            {
                rejections.Add(new Rejection(all[i], rejected.Error));
            }

            if ((i + 1) % ProgressEvery == 0 || i + 1 == all.Count)
            {
                progress?.Report(i + 1);
            }
        }

        return new DemoLoadResult(all.Count, appended, already, rejections, Skipped: false);
    }

    private static async Task<bool> IsLoadedAsync(KeyWorksCommands commands, IReadOnlyList<IssuedCommand> all, CancellationToken cancellationToken)
    {
        var last = all.Count - 1;
        var stream = await commands.Store.ReadStreamAsync(Decider.StreamOf(all[last].Command), cancellationToken: cancellationToken);
        return stream.Any(e => e.IdempotencyKey == KeyOf(last));
    }
}
