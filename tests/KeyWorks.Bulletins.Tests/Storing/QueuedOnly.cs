using KeyWorks.Bulletins.Drafting;
using KeyWorks.Bulletins.Storing;

namespace KeyWorks.Bulletins.Tests.Storing;

/// <summary>A queue that only remembers what was queued, for tests that draft by hand.</summary>
internal sealed class QueuedOnly : IBulletinQueue
{
    public List<Guid> Queued { get; } = [];

    public Task EnqueueAsync(Guid bulletinId, CancellationToken cancellationToken)
    {
        Queued.Add(bulletinId);
        return Task.CompletedTask;
    }

    public Task EnsureEnqueuedAsync(StoredBulletin queued, CancellationToken cancellationToken)
    {
        if (!Queued.Contains(queued.Id))
        {
            Queued.Add(queued.Id);
        }

        return Task.CompletedTask;
    }
}
