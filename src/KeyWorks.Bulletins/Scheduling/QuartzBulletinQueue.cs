using KeyWorks.Bulletins.Drafting;
using Quartz;

namespace KeyWorks.Bulletins.Scheduling;

/// <summary>Queues a draft as a one-off trigger of the draft job in the shared job store: any node may run it.</summary>
public sealed class QuartzBulletinQueue(ISchedulerFactory schedulers, TimeProvider clock) : IBulletinQueue
{
    public async Task EnqueueAsync(Guid bulletinId, CancellationToken cancellationToken) =>
        await ScheduleAsync(await schedulers.GetScheduler(cancellationToken), bulletinId, clock, clock.GetUtcNow(), attempt: 1, cancellationToken);

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
