using KeyWorks.Bulletins.Drafting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace KeyWorks.Bulletins.Scheduling;

/// <summary>
/// The monthly firing: queues the draft of every programme's latest closed month (see
/// <see cref="BulletinRequests.LatestClosedMonth"/>) that no node has queued yet.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MonthlyBulletinJob(BulletinRequests requests, ILogger<MonthlyBulletinJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var queued = await requests.QueueScheduledAsync(cancellationToken);
        foreach (var run in queued)
        {
            logger.LogInformation("Monthly bulletin queued: {Programme} {Year}-{Month:D2} ({Id})",
                run.ProgrammeId, run.Month.Year, run.Month.Month, run.Id);
        }
    }
}
