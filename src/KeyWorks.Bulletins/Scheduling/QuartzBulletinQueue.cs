using KeyWorks.Bulletins.Drafting;
using KeyWorks.Bulletins.Storing;
using Quartz;

namespace KeyWorks.Bulletins.Scheduling;

/// <summary>Queues a draft as a one-off trigger of the draft job in the shared job store: any node may run it.</summary>
public sealed class QuartzBulletinQueue(ISchedulerFactory schedulers, TimeProvider clock) : IBulletinQueue
{
    public async Task EnqueueAsync(Guid bulletinId, CancellationToken cancellationToken) =>
        await ScheduleAsync(await schedulers.GetScheduler(cancellationToken), bulletinId, clock, clock.GetUtcNow(), attempt: 1, cancellationToken);

    public async Task EnsureEnqueuedAsync(StoredBulletin queued, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // A fired trigger stays stored until its job completes, and a recovered firing keeps the original's job data.
        var triggers = await scheduler.GetTriggersOfJob(BulletinJobs.DraftJob, cancellationToken);
        if (triggers.Any(t => t.JobDataMap.TryGetString(BulletinJobs.BulletinIdKey, out var id) && id == queued.Id.ToString()))
        {
            return;
        }

        try
        {
            await ScheduleAsync(scheduler, queued.Id, clock, clock.GetUtcNow(), queued.Attempts + 1, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Scheduled meanwhile.
        }
    }

    /// <summary>Schedules the draft of a run at a time of <paramref name="clock"/>; the trigger's name says which run and attempt it is.</summary>
    internal static async Task ScheduleAsync(
        IScheduler scheduler, Guid bulletinId, TimeProvider clock, DateTimeOffset at, int attempt, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity($"draft-{bulletinId:N}-{attempt}", BulletinJobs.DraftJob.Group)
            .ForJob(BulletinJobs.DraftJob)
            .UsingJobData(BulletinJobs.BulletinIdKey, bulletinId.ToString())
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
    }
}
