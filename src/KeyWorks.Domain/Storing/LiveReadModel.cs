using KeyWorks.Domain.ReadModels;
using KeyWorks.EventStore;
using KeyWorks.EventStore.Events;
using StoreEnvelope = KeyWorks.EventStore.Events.EventEnvelope;

namespace KeyWorks.Domain.Storing;

/// <summary>
/// The read model in memory, built by folding every stored event at start and kept current from the store's feed.
/// Queries read <see cref="Current"/> (an immutable value, so a reader never sees half an update); "as of" reads and
/// rebuilds fold the stored events afresh (<see cref="AsOfAsync"/>, <see cref="RebuildAsync"/>).
/// </summary>
public sealed class LiveReadModel(PostgresEventStore store)
{
    private KeyWorksReadModel _current = KeyWorksReadModel.Empty;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>The model as of the last event applied.</summary>
    public KeyWorksReadModel Current => Volatile.Read(ref _current);

    /// <summary>The last failure of the feed, if it had to resubscribe.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>How long to wait before resubscribing after the feed's connection broke.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The fold of every stored event: what a rebuild from scratch gives.</summary>
    public static Task<KeyWorksReadModel> RebuildAsync(PostgresEventStore store, CancellationToken cancellationToken) =>
        FoldAsync(store, new EventQuery(), cancellationToken);

    /// <summary>
    /// What was known at <paramref name="recordedUpTo"/>: the fold of the events recorded up to then. Two statements
    /// whatever the size of the log: the position as of that time, then one streamed read up to it.
    /// </summary>
    public static async Task<KeyWorksReadModel> AsOfAsync(PostgresEventStore store, DateTimeOffset recordedUpTo, CancellationToken cancellationToken) =>
        await AtPositionAsync(store, await store.GetPositionAsOfAsync(recordedUpTo, cancellationToken), cancellationToken);

    /// <summary>The fold of the events up to <paramref name="position"/>, read by one streamed statement.</summary>
    public static async Task<KeyWorksReadModel> AtPositionAsync(PostgresEventStore store, long position, CancellationToken cancellationToken)
    {
        var model = KeyWorksReadModel.Empty;
        if (position <= 0)
        {
            return model;
        }

        await foreach (var stored in store.ScanAsync(new EventQuery { ToPosition = position }, cancellationToken))
        {
            model = Fold(model, stored);
        }

        return model;
    }

    /// <summary>Catches up from the store, then follows the feed until cancelled, resubscribing after a broken connection.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Publish(await FoldAsync(store, new EventQuery { AfterPosition = Current.Position }, cancellationToken, Current));
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var stored in store.SubscribeAsync(Current.Position, cancellationToken: cancellationToken))
                {
                    Publish(Fold(Current, stored));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LastError = e;
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>Waits until the model has applied the event at <paramref name="position"/> (read-your-writes).</summary>
    public async Task WaitForAsync(long position, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (Current.Position >= position)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private void Publish(KeyWorksReadModel model)
    {
        Volatile.Write(ref _current, model);
        Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static Task<KeyWorksReadModel> FoldAsync(
        PostgresEventStore store, EventQuery query, CancellationToken cancellationToken, KeyWorksReadModel? seed = null) =>
        store.FoldAsync(query, seed ?? KeyWorksReadModel.Empty, Fold, cancellationToken);

    private static KeyWorksReadModel Fold(KeyWorksReadModel model, StoreEnvelope stored) =>
        KeyWorksEventTypes.ToDomain(stored) is { } envelope
            ? KeyWorksReadModel.Apply(model, envelope)
            : model with { Position = stored.Position, RecordedUpTo = stored.RecordedAt };
}
