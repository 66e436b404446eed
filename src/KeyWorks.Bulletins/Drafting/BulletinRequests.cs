using KeyWorks.Bulletins.Composing;
using KeyWorks.Bulletins.Storing;
using KeyWorks.Domain;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Domain.Storing;
using KeyWorks.EventStore;

namespace KeyWorks.Bulletins.Drafting;

/// <summary>Schedules a bulletin run's drafting (the job runner behind it is replaceable).</summary>
public interface IBulletinQueue
{
    /// <summary>Has the run drafted as soon as a worker is free, on any node.</summary>
    Task EnqueueAsync(Guid bulletinId, CancellationToken cancellationToken);

    /// <summary>
    /// Has a queued run drafted unless a draft of it is already scheduled or firing: for a run whose queuing was not
    /// followed by <see cref="EnqueueAsync"/> (the node died in between).
    /// </summary>
    Task EnsureEnqueuedAsync(StoredBulletin queued, CancellationToken cancellationToken);
}

/// <summary>
/// Checks and carries out what users and the schedule ask of bulletins: queue a month's draft, publish a draft.
/// Checks come first and a refused request writes nothing.
/// </summary>
public sealed class BulletinRequests(
    PostgresEventStore events, BulletinStore bulletins, BulletinDrafter drafter, IBulletinQueue queue, TimeProvider clock)
{
    /// <summary>
    /// The latest month whose cutoff (its last day, 24:00 China time) has passed at <paramref name="now"/>:
    /// the month the schedule drafts.
    /// </summary>
    public static YearMonth LatestClosedMonth(DateTimeOffset now)
    {
        var month = YearMonth.Of(BusinessCalendar.DateOf(now));
        while (BulletinComposer.Cutoff(month) > now)
        {
            month = month.AddMonths(-1);
        }

        return month;
    }

    /// <summary>
    /// Queues a draft of a programme's month (any day of it) for a user, optionally a leader's variant. A repeated
    /// idempotency key returns the first run (and schedules its draft if it is queued with none scheduled). Refused with a <see cref="BulletinRequestException"/> for an unknown
    /// programme or leader, a month in the future, a month whose cutoff has not passed, and a month with no data.
    /// </summary>
    public async Task<StoredBulletin> GenerateAsync(
        string programmeId, DateOnly anyDayOfMonth, string? leaderId, string requestedBy, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && await bulletins.FindByKeyAsync(idempotencyKey, cancellationToken) is { } earlier)
        {
            if (earlier.Status == BulletinStatus.Queued)
            {
                // The first request's node may have died between storing the run and scheduling its draft.
                await queue.EnsureEnqueuedAsync(earlier, cancellationToken);
            }

            return earlier;
        }

        var now = clock.GetUtcNow();
        var month = YearMonth.Of(anyDayOfMonth);
        var today = BusinessCalendar.DateOf(now);
        if (!(await LiveReadModel.AsOfAsync(events, now, cancellationToken)).Programmes.ContainsKey(programmeId))
        {
            throw new BulletinRequestException(BulletinRequestException.ProgrammeNotFound,
                $"Programme {programmeId} does not exist (项目计划不存在).", "programmeId");
        }

        if (month > YearMonth.Of(today))
        {
            throw new BulletinRequestException(BulletinRequestException.MonthInFuture,
                $"{month.Year}-{month.Month:D2} is in the future (通报月份不能晚于本月).", "month");
        }

        var cutoff = BulletinComposer.Cutoff(month);
        if (cutoff > now)
        {
            throw new BulletinRequestException(BulletinRequestException.MonthNotClosed,
                $"The figures of {month.Year}-{month.Month:D2} close at {BusinessCalendar.DateOf(cutoff):yyyy-MM-dd} 24:00 (UTC+8); draft it after that (数据截止后方可生成).", "month");
        }

        var order = await OrderAsync(programmeId, month, leaderId, BulletinOrigin.Request, requestedBy, idempotencyKey, cancellationToken);
        var (run, created) = (await bulletins.QueueAsync(order, now, cancellationToken))!.Value;
        if (created)
        {
            await queue.EnqueueAsync(run.Id, cancellationToken);
        }

        return run;
    }

    /// <summary>
    /// Queues the scheduled draft of every programme's latest closed month that has not been queued yet (by any node);
    /// returns the runs it queued. A run queued earlier that has no draft scheduled is scheduled again.
    /// </summary>
    public async Task<IReadOnlyList<StoredBulletin>> QueueScheduledAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var month = LatestClosedMonth(now);
        var atCutoff = await LiveReadModel.AsOfAsync(events, BulletinComposer.Cutoff(month), cancellationToken);
        var queued = new List<StoredBulletin>();
        foreach (var programmeId in atCutoff.Programmes.Keys.Order(StringComparer.Ordinal))
        {
            if (!atCutoff.Projects.Values.Any(p => p.State.ProgrammeId == programmeId))
            {
                continue;
            }

            var order = Order(atCutoff, programmeId, month, null, null, BulletinOrigin.Schedule, "schedule", null);
            if (await bulletins.QueueAsync(order, now, cancellationToken) is ({ } run, true))
            {
                await queue.EnqueueAsync(run.Id, cancellationToken);
                queued.Add(run);
            }
            else if (await bulletins.FindScheduledAsync(programmeId, month, cancellationToken) is { Status: BulletinStatus.Queued } waiting)
            {
                // Queued by a firing whose node died before it scheduled the draft (the row and the trigger are two
                // writes): that firing is recovered and runs again here, and the run would otherwise wait for ever.
                await queue.EnsureEnqueuedAsync(waiting, cancellationToken);
            }
        }

        return queued;
    }

    /// <summary>
    /// Publishes a drafted run with the office's recommendations: prints it again from the same cutoff with the text in
    /// its last section, stores that PDF and freezes the run. A repeated idempotency key returns the published run.
    /// </summary>
    public async Task<StoredBulletin> PublishAsync(
        Guid bulletinId, string recommendations, string publishedBy, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && await bulletins.FindPublishedByKeyAsync(idempotencyKey, cancellationToken) is { } done)
        {
            return done;
        }

        if (string.IsNullOrWhiteSpace(recommendations))
        {
            throw new BulletinRequestException(BulletinRequestException.RecommendationsRequired,
                "Write the office's recommendations before publishing (请填写工作建议).", "recommendations");
        }

        var run = await bulletins.GetAsync(bulletinId, cancellationToken)
            ?? throw new BulletinRequestException(BulletinRequestException.BulletinNotFound, "No such bulletin (通报不存在).", "bulletinId");
        if (run.Status == BulletinStatus.Published)
        {
            throw new BulletinRequestException(BulletinRequestException.AlreadyPublished,
                "This bulletin is already published and frozen (通报已发布).", "bulletinId");
        }

        if (run.Status != BulletinStatus.Drafted)
        {
            throw new BulletinRequestException(BulletinRequestException.NotDrafted,
                "Only a drafted bulletin can be published (通报尚未生成完成).", "bulletinId");
        }

        if (await bulletins.FindPublishedAsync(run.ProgrammeId, run.Month, run.LeaderId, cancellationToken) is not null)
        {
            throw new BulletinRequestException(BulletinRequestException.AlreadyPublished,
                "Another draft of this month is already published (本月通报已发布).", "bulletinId");
        }

        var pdf = await drafter.PrintAsync(run, recommendations.Trim(), null, cancellationToken);
        return await bulletins.PublishAsync(bulletinId, pdf, recommendations.Trim(), publishedBy, idempotencyKey, clock.GetUtcNow(), cancellationToken)
            ?? throw new BulletinRequestException(BulletinRequestException.AlreadyPublished,
                "This month's bulletin was published meanwhile (本月通报已发布).", "bulletinId");
    }

    private async Task<BulletinOrder> OrderAsync(
        string programmeId, YearMonth month, string? leaderId, BulletinOrigin origin, string requestedBy, string? key,
        CancellationToken cancellationToken)
    {
        var atCutoff = await LiveReadModel.AsOfAsync(events, BulletinComposer.Cutoff(month), cancellationToken);
        if (!atCutoff.Projects.Values.Any(p => p.State.ProgrammeId == programmeId))
        {
            throw new BulletinRequestException(BulletinRequestException.NoData,
                $"Programme {programmeId} had no projects recorded by the cutoff of {month.Year}-{month.Month:D2} (该月无数据).", "month");
        }

        string? leaderName = null;
        if (leaderId is not null)
        {
            leaderName = atCutoff.Projects.Values
                .Select(p => p.State.Responsibility)
                .FirstOrDefault(r => r?.LeaderId == leaderId)?.LeaderName
                ?? throw new BulletinRequestException(BulletinRequestException.LeaderNotFound,
                    $"No project of the programme is led by {leaderId} (分包领导不存在).", "leaderId");
        }

        return Order(atCutoff, programmeId, month, leaderId, leaderName, origin, requestedBy, key);
    }

    private static BulletinOrder Order(
        KeyWorksReadModel atCutoff, string programmeId, YearMonth month, string? leaderId, string? leaderName,
        BulletinOrigin origin, string requestedBy, string? key)
    {
        var programme = atCutoff.Programmes[programmeId];
        var title = $"{programme.District}“{BulletinComposer.ShortName(programme.Name)}”项目建设进展月通报";
        // One issue a month: the issue number of the year is the month's number (2026年第10期 reports on October).
        return new BulletinOrder(programmeId, month, month.Month, leaderId, leaderName, origin, requestedBy, title,
            BulletinComposer.Cutoff(month), key);
    }
}
