using System.Collections.Concurrent;
using KeyWorks.Domain.ReadModels;
using KeyWorks.EventStore;

namespace KeyWorks.Domain.Storing;

/// <summary>
/// Read models "as of" a recorded time for queries, by the log position that time maps to: one statement finds the
/// position; the live model serves when it stands exactly there; otherwise the fold up to that position is kept for the
/// next request (the last <see cref="Capacity"/> positions asked for). Concurrent requests for one position share one
/// fold. A model at a position never changes, so a kept one is never stale.
/// </summary>
public sealed class AsOfReadModels(PostgresEventStore store, LiveReadModel live)
{
    private readonly ConcurrentDictionary<long, Lazy<Task<KeyWorksReadModel>>> _models = new();
    private readonly ConcurrentQueue<long> _order = new();

    /// <summary>How many folded models are kept.</summary>
    public int Capacity { get; init; } = 8;

    /// <summary>The model of the events recorded up to <paramref name="recordedUpTo"/>.</summary>
    public async Task<KeyWorksReadModel> AsOfAsync(DateTimeOffset recordedUpTo, CancellationToken cancellationToken)
    {
        var position = await store.GetPositionAsOfAsync(recordedUpTo, cancellationToken);
        if (live.Current is { } current && current.Position == position)
        {
            return current;
        }

        var created = false;
        var entry = _models.GetOrAdd(position, p =>
        {
            created = true;
            // Not the request's token: other requests may be waiting on the same fold.
            return new Lazy<Task<KeyWorksReadModel>>(() => LiveReadModel.AtPositionAsync(store, p, CancellationToken.None));
        });
        if (created)
        {
            _order.Enqueue(position);
            while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _models.TryRemove(oldest, out _);
            }
        }

        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            // A failed fold (a broken connection) is not kept: the next request tries again.
            _models.TryRemove(new KeyValuePair<long, Lazy<Task<KeyWorksReadModel>>>(position, entry));
            throw;
        }
    }
}
