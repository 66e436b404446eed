using System.Collections.Immutable;
using System.Text.Json;
using System.Threading.Channels;
using KeyWorks.Domain;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.Storing;
using KeyWorks.EventStore;
using DomainEnvelope = KeyWorks.Domain.ReadModels.EventEnvelope;

namespace KeyWorks.Server.Api;

/// <summary>What a report is about, as the API names it.</summary>
public enum ReportKind
{
    Investment,
    Progress,
    Node,
}

/// <summary>
/// One contractor report (or correction) with its decision: every submission is its own record, so a month reported,
/// rejected and reported again has two. <see cref="DecidedPosition"/> is where the decision was recorded.
/// </summary>
public sealed record ReportRecord(
    ReportKind Kind,
    string ProjectId,
    long Position,
    DateTimeOffset SubmittedAt,
    string SubmittedBy,
    YearMonth? Month,
    string? NodeId,
    decimal Amount,
    decimal Cumulative,
    decimal Percent,
    string? Narrative,
    DateOnly? ReachedOn,
    string? Note,
    bool IsCorrection,
    string Status,
    long? DecidedPosition = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? RejectionReason = null)
{
    /// <summary>The global id: <c>InvestmentReport:zjdd/1234</c> (the type, the project, the submission's position).</summary>
    public string Id => ApiObjects.GlobalId(TypeName, $"{ProjectId}/{Position}");

    public string TypeName => Kind switch
    {
        ReportKind.Investment => "InvestmentReport",
        ReportKind.Progress => "ProgressReport",
        _ => "NodeReport",
    };

    /// <summary>The record as known at a position: null before its submission, pending while its decision lies after.</summary>
    public ReportRecord? At(long position) =>
        Position > position ? null
        : DecidedPosition > position ? this with { Status = "PENDING", DecidedPosition = null, DecidedBy = null, DecidedAt = null, RejectionReason = null }
        : this;
}

/// <summary>One event of a project's history: who recorded it and when, what it is about, its data as JSON.</summary>
public sealed record HistoryRecord(long Position, string Type, string Summary, string RecordedBy, DateTimeOffset RecordedAt, DateOnly BusinessDate, string Data);

/// <summary>A project's reports and history in position order.</summary>
public sealed record ProjectRecord(ImmutableList<ReportRecord> Reports, ImmutableList<HistoryRecord> History)
{
    public static readonly ProjectRecord Empty = new([], []);
}

/// <summary>
/// The reports and the event history of every project, in memory, kept current from the store's feed (like the live read
/// model), and the server's broadcast of new events to subscriptions. Reads take a position cut (the read model's
/// position), so a report list "as of" shows each report as it stood then.
/// </summary>
public sealed class ProjectRecords(PostgresEventStore store)
{
    private ImmutableDictionary<string, ProjectRecord> _projects = ImmutableDictionary.Create<string, ProjectRecord>(StringComparer.Ordinal);
    private long _position;
    private TaskCompletionSource _changed = NewSignal();
    private ImmutableList<Channel<DomainEnvelope>> _subscribers = [];

    /// <summary>How long to wait before resubscribing after the feed's connection broke.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The position of the last event applied.</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>A project's records (empty for an unknown project).</summary>
    public ProjectRecord Of(string projectId) => Volatile.Read(ref _projects).GetValueOrDefault(projectId, ProjectRecord.Empty);

    /// <summary>A report by project and submission position, as known at <paramref name="cut"/>.</summary>
    public ReportRecord? Find(string projectId, long position, long cut) =>
        Of(projectId).Reports.FirstOrDefault(r => r.Position == position)?.At(cut);

    /// <summary>Follows the store's feed from the start until cancelled, resubscribing after a broken connection.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var stored in store.SubscribeAsync(Position, cancellationToken: cancellationToken))
                {
                    if (KeyWorksEventTypes.ToDomain(stored) is { } envelope)
                    {
                        Apply(envelope);
                    }

                    Volatile.Write(ref _position, stored.Position);
                    Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>Waits until the event at <paramref name="position"/> is applied (read-your-writes).</summary>
    public async Task WaitForAsync(long position, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (Position >= position)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Every event applied from now on, until the token is cancelled (a slow reader loses the oldest).</summary>
    public async IAsyncEnumerable<DomainEnvelope> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<DomainEnvelope>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(channel));
        try
        {
            await foreach (var envelope in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return envelope;
            }
        }
        finally
        {
            ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(channel));
        }
    }

    private void Apply(DomainEnvelope envelope)
    {
        if (envelope.Event is IProjectEvent e)
        {
            var record = Of(e.ProjectId);
            var history = record.History.Add(new HistoryRecord(envelope.Position, e.GetType().Name, HistorySummaries.Of(e), envelope.UserId,
                envelope.RecordedAt, envelope.BusinessDate, JsonSerializer.Serialize(e, e.GetType(), KeyWorksJsonContext.Default)));
            var updated = new ProjectRecord(ReportChanges.Apply(record.Reports, envelope), history);
            ImmutableInterlocked.Update(ref _projects, map => map.SetItem(e.ProjectId, updated));
        }

        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Writer.TryWrite(envelope);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>How report events change a project's report records.</summary>
public static class ReportChanges
{
    public static ImmutableList<ReportRecord> Apply(ImmutableList<ReportRecord> reports, DomainEnvelope envelope)
    {
        var (at, by, position) = (envelope.RecordedAt, envelope.UserId, envelope.Position);
        return envelope.Event switch
        {
            InvestmentReported e => reports.Add(new ReportRecord(ReportKind.Investment, e.ProjectId, position, at, by, e.Month, null,
                e.CompletedInMonth, e.CumulativeCompleted, 0m, null, null, e.Note, false, "PENDING")),
            InvestmentCorrected e => reports.Add(new ReportRecord(ReportKind.Investment, e.ProjectId, position, at, by, e.Month, null,
                e.CompletedInMonth, CorrectedCumulative(reports, e), 0m, null, null, e.Reason, true, e.Official ? "CONFIRMED" : "PENDING",
                e.Official ? position : null, e.Official ? by : null, e.Official ? at : null)),
            InvestmentReportConfirmed e => Decide(reports, r => r.Kind == ReportKind.Investment && r.Month == e.Month, "CONFIRMED", envelope, null),
            InvestmentReportRejected e => Decide(reports, r => r.Kind == ReportKind.Investment && r.Month == e.Month, "REJECTED", envelope, e.Reason),
            PhysicalProgressReported e => reports.Add(new ReportRecord(ReportKind.Progress, e.ProjectId, position, at, by, e.Month, null,
                0m, 0m, e.Percent, e.Narrative, null, null, false, "PENDING")),
            PhysicalProgressConfirmed e => Decide(reports, r => r.Kind == ReportKind.Progress && r.Month == e.Month, "CONFIRMED", envelope, null),
            PhysicalProgressRejected e => Decide(reports, r => r.Kind == ReportKind.Progress && r.Month == e.Month, "REJECTED", envelope, e.Reason),
            NodeReachedReported e => reports.Add(new ReportRecord(ReportKind.Node, e.ProjectId, position, at, by, null, e.NodeId,
                0m, 0m, 0m, null, e.ReachedOn, e.Note, false, "PENDING")),
            NodeReportConfirmed e => Decide(reports, r => r.Kind == ReportKind.Node && r.NodeId == e.NodeId, "CONFIRMED", envelope, null),
            NodeReportRejected e => Decide(reports, r => r.Kind == ReportKind.Node && r.NodeId == e.NodeId, "REJECTED", envelope, e.Reason),
            _ => reports,
        };
    }

    /// <summary>The latest pending record that matches gets the decision.</summary>
    private static ImmutableList<ReportRecord> Decide(
        ImmutableList<ReportRecord> reports, Func<ReportRecord, bool> matches, string status, DomainEnvelope envelope, string? reason)
    {
        var index = reports.FindLastIndex(r => r.Status == "PENDING" && matches(r));
        return index < 0 ? reports : reports.SetItem(index, reports[index] with
        {
            Status = status,
            DecidedPosition = envelope.Position,
            DecidedBy = envelope.UserId,
            DecidedAt = envelope.RecordedAt,
            RejectionReason = reason,
        });
    }

    /// <summary>A correction's cumulative: the month's last record's cumulative with the month's amount replaced.</summary>
    private static decimal CorrectedCumulative(ImmutableList<ReportRecord> reports, InvestmentCorrected e) =>
        reports.LastOrDefault(r => r.Kind == ReportKind.Investment && r.Month == e.Month) is { } last
            ? last.Cumulative - e.PreviousInMonth + e.CompletedInMonth
            : e.CompletedInMonth;
}

/// <summary>Follows the store's feed into <see cref="ProjectRecords"/> for as long as the server runs.</summary>
public sealed class ProjectRecordsService(ProjectRecords records, ILogger<ProjectRecordsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await records.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "The project records stopped following the store");
        }
    }
}
