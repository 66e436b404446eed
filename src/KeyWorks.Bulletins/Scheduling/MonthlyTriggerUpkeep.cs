using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace KeyWorks.Bulletins.Scheduling;

/// <summary>
/// Keeps the monthly trigger in the shared job store as configured. A stored trigger with the same cron expression and
/// time zone is left alone, so a firing missed while every node was down is noticed as a misfire and fired once at the
/// next start; a changed setting replaces it. The trigger is built on the scheduler's clock (the container's
/// <see cref="TimeProvider"/>), so with a server clock set to another instant it starts, and fires, on that clock's time.
/// </summary>
public sealed class MonthlyTriggerUpkeep(
    ISchedulerFactory schedulers, BulletinJobOptions options, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<MonthlyTriggerUpkeep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After the host has started, so that the server answers /health first.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            await KeepAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Monthly bulletins: the trigger could not be kept in the job store");
        }
    }

    private async Task KeepAsync(CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(BulletinJobs.MonthlyTrigger)
            .ForJob(BulletinJobs.MonthlyJob)
            .WithCronSchedule(options.Cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        var stored = await scheduler.GetTrigger(BulletinJobs.MonthlyTrigger, cancellationToken) as ICronTrigger;
        if (stored is null)
        {
            try
            {
                await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node scheduled it at the same moment.
            }
        }
        else if (stored.CronExpressionString != options.Cron || stored.TimeZone.Id != zone.Id)
        {
            await scheduler.RescheduleJob(BulletinJobs.MonthlyTrigger, trigger, cancellationToken);
        }

        var next = trigger.GetFireTimeAfter(clock.GetUtcNow());
        logger.LogInformation("Monthly bulletins: cron '{Cron}' ({Zone}), next at {Next:u}", options.Cron, options.TimeZone, next);
    }
}
