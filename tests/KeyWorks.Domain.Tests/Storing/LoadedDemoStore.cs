using System.Diagnostics;
using KeyWorks.Domain.Storing;
using KeyWorks.EventStore;
using KeyWorks.Testing;
using Npgsql;

namespace KeyWorks.Domain.Tests.Storing;

/// <summary>
/// A store with the demo programme loaded through the command service, once per test class, with a live read model
/// that followed the load through the store's feed.
/// </summary>
public sealed class LoadedDemoStore(PostgresClusterFixture cluster) : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private Task _feed = Task.CompletedTask;
    private NpgsqlDataSource? _dataSource;

    public PostgresEventStore Store { get; private set; } = null!;

    public KeyWorksCommands Commands { get; private set; } = null!;

    public LiveReadModel Live { get; private set; } = null!;

    public DemoLoadResult Result { get; private set; } = null!;

    public TimeSpan LoadTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync("demo_store"));
        Store = await PostgresEventStore.CreateAsync(_dataSource, KeyWorksEventTypes.Options());
        Commands = new KeyWorksCommands(Store, SuiteClock.Time);
        Live = new LiveReadModel(Store);
        _feed = Live.RunAsync(_stop.Token);
        var watch = Stopwatch.StartNew();
        Result = await DemoLoader.LoadAsync(Commands, null, CancellationToken.None);
        LoadTime = watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _feed;
        _stop.Dispose();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
