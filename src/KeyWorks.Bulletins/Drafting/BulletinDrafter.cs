using System.Security.Cryptography;
using KeyWorks.Bulletins.Composing;
using KeyWorks.Bulletins.Html;
using KeyWorks.Bulletins.Printing;
using KeyWorks.Bulletins.Storing;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Domain.Storing;
using KeyWorks.EventStore;
using KeyWorks.EventStore.Events;
using EventEnvelope = KeyWorks.Domain.ReadModels.EventEnvelope;

namespace KeyWorks.Bulletins.Drafting;

/// <summary>
/// Drafts a queued bulletin run: the events recorded up to its cutoff → compose → render → print → store, with the
/// run's progress updated at each step. Exceptions pass to the caller (the job decides whether to retry).
/// </summary>
public sealed class BulletinDrafter(PostgresEventStore events, BulletinStore bulletins, PdfPrinter printer, TimeProvider clock)
{
    /// <summary>Drafts the run; null when it is not waiting (drafted or published already, or given up).</summary>
    public async Task<StoredBulletin?> DraftAsync(Guid bulletinId, CancellationToken cancellationToken)
    {
        if (await bulletins.StartAsync(bulletinId, clock.GetUtcNow(), cancellationToken) is not { } run)
        {
            return null;
        }

        var pdf = await PrintAsync(run, recommendations: null,
            percent => bulletins.ReportProgressAsync(bulletinId, percent, cancellationToken), cancellationToken);
        return await bulletins.CompleteAsync(bulletinId, pdf, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Prints a run's issue from the events recorded up to its cutoff, with the office's recommendations if given.</summary>
    public async Task<BulletinPdf> PrintAsync(
        StoredBulletin run, string? recommendations, Func<int, Task>? progress, CancellationToken cancellationToken)
    {
        progress ??= _ => Task.CompletedTask;
        var snapshot = await ReadSnapshotAsync(run.Cutoff, cancellationToken);
        await progress(20);
        var composed = Compose(run, snapshot, recommendations);
        await progress(40);
        var page = new BulletinHtmlRenderer().Render(composed.Document, composed.Options);
        await progress(50);
        var bytes = await printer.PrintAsync(page, cancellationToken);
        await progress(90);
        return new BulletinPdf(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), PdfFacts.PageCount(bytes));
    }

    /// <summary>Composes a run's issue from the events recorded up to its cutoff (in position order).</summary>
    public static ComposedBulletin Compose(StoredBulletin run, IReadOnlyList<EventEnvelope> recordedToCutoff, string? recommendations)
    {
        var previousCutoff = BulletinComposer.Cutoff(run.Month.AddMonths(-1));
        var atPrevious = KeyWorksReadModel.AsOf(recordedToCutoff, previousCutoff);
        var hadProgramme = atPrevious.Projects.Values.Any(p => p.State.ProgrammeId == run.ProgrammeId);
        var paragraphs = recommendations?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return BulletinComposer.Compose(
            new BulletinRequest(run.ProgrammeId, run.Month, run.Issue, run.LeaderName, Recommendations: paragraphs),
            KeyWorksReadModel.AsOf(recordedToCutoff, run.Cutoff),
            hadProgramme ? atPrevious : null,
            hadProgramme ? [.. recordedToCutoff.Where(e => e.RecordedAt > previousCutoff)] : null);
    }

    /// <summary>Every domain event recorded up to <paramref name="cutoff"/>: what was known then.</summary>
    public async Task<IReadOnlyList<EventEnvelope>> ReadSnapshotAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var list = new List<EventEnvelope>();
        await foreach (var stored in events.ReadAllAsync(new EventQuery { RecordedTo = cutoff }, cancellationToken))
        {
            if (KeyWorksEventTypes.ToDomain(stored) is { } envelope)
            {
                list.Add(envelope);
            }
        }

        return list;
    }
}
