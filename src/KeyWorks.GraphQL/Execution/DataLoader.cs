namespace KeyWorks.GraphQL.Execution;

/// <summary>Loads many keys at once (one database query for a whole list); keys with no value are left out.</summary>
public delegate Task<IReadOnlyDictionary<TKey, TValue>> BatchLoad<TKey, TValue>(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    where TKey : notnull;

/// <summary>
/// The loaders of one request. A loader queues the keys resolvers ask for; the executor dispatches the
/// queue when it has started every field it can and is about to wait, so a list of objects costs one batch.
/// </summary>
public sealed class DataLoaderRegistry
{
    private readonly RequestContext _request;
    private readonly Dictionary<string, IDispatchable> _loaders = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private TaskCompletionSource _work = NewSignal();
    private int _pending;
    private int _busy;

    internal DataLoaderRegistry(RequestContext request)
    {
        _request = request;
    }

    public DataLoader<TKey, TValue> Get<TKey, TValue>(string name, BatchLoad<TKey, TValue> load)
        where TKey : notnull
    {
        lock (_lock)
        {
            if (!_loaders.TryGetValue(name, out var loader))
            {
                loader = new DataLoader<TKey, TValue>(this, load);
                _loaders[name] = loader;
            }

            return loader as DataLoader<TKey, TValue>
                ?? throw new InvalidOperationException($"The loader \"{name}\" was first created with other key or value types.");
        }
    }

    internal CancellationToken CancellationToken => _request.CancellationToken;

    /// <summary>The executor is running synchronous work that may queue more keys; batches wait for it.</summary>
    internal void BeginWork()
    {
        lock (_lock)
        {
            _busy++;
        }
    }

    internal void EndWork()
    {
        TaskCompletionSource? signal = null;
        lock (_lock)
        {
            if (--_busy == 0 && _pending > 0)
            {
                signal = _work;
                _work = NewSignal();
            }
        }

        signal?.TrySetResult();
    }

    /// <summary>Completes when keys are queued and the executor is idle, so a batch can go out whole.</summary>
    internal Task WhenDispatchable()
    {
        lock (_lock)
        {
            return _pending > 0 && _busy == 0 ? Task.CompletedTask : _work.Task;
        }
    }

    internal void Queued()
    {
        TaskCompletionSource? signal = null;
        lock (_lock)
        {
            _pending++;
            if (_busy == 0)
            {
                signal = _work;
                _work = NewSignal();
            }
        }

        signal?.TrySetResult();
    }

    /// <summary>Starts a batch for every loader with queued keys.</summary>
    internal void DispatchAll()
    {
        List<IDispatchable> loaders;
        lock (_lock)
        {
            if (_pending == 0 || _busy > 0)
            {
                return;
            }

            _pending = 0;
            loaders = [.. _loaders.Values];
        }

        foreach (var loader in loaders)
        {
            loader.Dispatch();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal interface IDispatchable
    {
        void Dispatch();
    }
}

/// <summary>Batches and caches loads of one kind of value within one request.</summary>
public sealed class DataLoader<TKey, TValue> : DataLoaderRegistry.IDispatchable
    where TKey : notnull
{
    private readonly DataLoaderRegistry _registry;
    private readonly BatchLoad<TKey, TValue> _load;
    private readonly Dictionary<TKey, TaskCompletionSource<TValue?>> _cache = [];
    private readonly Lock _lock = new();
    private List<TKey> _queue = [];

    internal DataLoader(DataLoaderRegistry registry, BatchLoad<TKey, TValue> load)
    {
        _registry = registry;
        _load = load;
    }

    /// <summary>The value for a key, loaded in the next batch unless already loaded in this request.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        TaskCompletionSource<TValue?> completion;
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached.Task;
            }

            completion = new TaskCompletionSource<TValue?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _cache[key] = completion;
            _queue.Add(key);
        }

        _registry.Queued();
        return completion.Task;
    }

    /// <summary>The values for several keys, in the order of the keys.</summary>
    public async Task<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys)
    {
        var tasks = keys.Select(LoadAsync).ToList();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    void DataLoaderRegistry.IDispatchable.Dispatch()
    {
        List<TKey> keys;
        lock (_lock)
        {
            if (_queue.Count == 0)
            {
                return;
            }

            keys = _queue;
            _queue = [];
        }

        _ = RunBatchAsync(keys);
    }

    private async Task RunBatchAsync(List<TKey> keys)
    {
        try
        {
            var values = await _load(keys, _registry.CancellationToken).ConfigureAwait(false);
            foreach (var key in keys)
            {
                Completion(key).TrySetResult(values.TryGetValue(key, out var value) ? value : default);
            }
        }
        catch (Exception error)
        {
            foreach (var key in keys)
            {
                Completion(key).TrySetException(error);
            }
        }
    }

    private TaskCompletionSource<TValue?> Completion(TKey key)
    {
        lock (_lock)
        {
            return _cache[key];
        }
    }
}
