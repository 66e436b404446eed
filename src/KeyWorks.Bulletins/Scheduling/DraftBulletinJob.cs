using KeyWorks.Bulletins.Drafting;
using KeyWorks.Bulletins.Printing;
using KeyWorks.Bulletins.Storing;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace KeyWorks.Bulletins.Scheduling;

/// <summary>
/// Drafts one queued run. A failure that may pass (the browser died, the database was unreachable, a render timed
/// out) puts the run back in the queue and schedules another attempt after a growing delay, up to
/// <see cref="BulletinJobOptions.MaxAttempts"/>; anything else, or the last attempt, fails the run with its reason.
/// </summary>
public sealed class DraftBulletinJob(
    BulletinDrafter drafter, BulletinStore bulletins, BulletinJobOptions options, TimeProvider clock,
    ILogger<DraftBulletinJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(context.MergedJobDataMap.GetString(BulletinJobs.BulletinIdKey)!);
        try
        {
            var drafted = await drafter.DraftAsync(id, cancellationToken);
            if (drafted is not null)
            {
                logger.LogInformation("Bulletin {Id} ({Programme} {Year}-{Month:D2}) drafted: {Pages} pages in {Ms} ms",
                    id, drafted.ProgrammeId, drafted.Month.Year, drafted.Month.Month, drafted.PageCount, drafted.DurationMs);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the run stays "running" and the job, which requests recovery, runs again on a live node.
            throw;
        }
        catch (Exception e)
        {
            await RecordFailureAsync(context.Scheduler, id, e, CancellationToken.None);
        }
    }

    private async Task RecordFailureAsync(IScheduler scheduler, Guid id, Exception error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var run = await bulletins.GetAsync(id, cancellationToken);
        var reason = $"{error.GetType().Name}: {error.Message}";
        if (run is not null && IsRetriable(error) && run.Attempts < options.MaxAttempts)
        {
            var delay = options.RetryDelayAfter(run.Attempts);
            logger.LogWarning(error, "Bulletin {Id}: attempt {Attempt} failed; retrying in {Delay}", id, run.Attempts, delay);
            await bulletins.RequeueAsync(id, reason, now, cancellationToken);
            await QuartzBulletinQueue.ScheduleAsync(scheduler, id, clock, now + delay, run.Attempts + 1, cancellationToken);
            return;
        }

        logger.LogError(error, "Bulletin {Id}: drafting failed after {Attempts} attempts", id, run?.Attempts);
        await bulletins.FailAsync(id, reason, now, cancellationToken);
    }

    private static bool IsRetriable(Exception error) => error switch
    {
        BulletinPrintException print => print.IsRetriable,
        NpgsqlException database => database.IsTransient,
        TimeoutException => true,
        _ => false,
    };
}
