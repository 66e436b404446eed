using KeyWorks.Bulletins.Storing;
using KeyWorks.Domain.Storing;
using KeyWorks.EventStore;
using KeyWorks.Testing;
using Npgsql;

namespace KeyWorks.Bulletins.Tests.Storing;

/// <summary>
/// A database holding the demo programme as the server stores it (loaded through the command service) and the bulletin
/// tables. The demo is loaded once per test run into a template; each test gets its own copy (CREATE DATABASE …
/// TEMPLATE, a file copy), so tests that record late reports or queue runs do not see each other.
/// </summary>
public sealed class DemoDatabase : IAsyncDisposable
{
    private const string TemplateName = "bulletins_demo_template";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool _templateReady;
    private static int _copies;

    private DemoDatabase(string connectionString, NpgsqlDataSource dataSource, PostgresEventStore events)
    {
        ConnectionString = connectionString;
        DataSource = dataSource;
        Events = events;
        Bulletins = new BulletinStore(dataSource);
        Commands = new KeyWorksCommands(events, SuiteClock.Time);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public PostgresEventStore Events { get; }

    public BulletinStore Bulletins { get; }

    public KeyWorksCommands Commands { get; }

    public static async Task<DemoDatabase> CreateAsync(PostgresClusterFixture cluster, CancellationToken cancellationToken)
    {
        await EnsureTemplateAsync(cluster, cancellationToken);
        var name = $"bulletins_demo_{Interlocked.Increment(ref _copies)}";
        await using (var admin = NpgsqlDataSource.Create(cluster.Cluster.ConnectionString))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE {name} TEMPLATE {TemplateName}");
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = cluster.Cluster.ConnectionStringFor(name);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var events = await PostgresEventStore.CreateAsync(dataSource, KeyWorksEventTypes.Options(), cancellationToken);
        return new DemoDatabase(connectionString, dataSource, events);
    }

    private static async Task EnsureTemplateAsync(PostgresClusterFixture cluster, CancellationToken cancellationToken)
    {
        await TemplateLock.WaitAsync(cancellationToken);
        try
        {
            if (_templateReady)
            {
                return;
            }

            await cluster.Cluster.EnsureDatabaseAsync(TemplateName, cancellationToken);
            var connectionString = cluster.Cluster.ConnectionStringFor(TemplateName);
            await using (var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
            {
                var store = await PostgresEventStore.CreateAsync(dataSource, KeyWorksEventTypes.Options(), cancellationToken);
                var result = await DemoLoader.LoadAsync(new KeyWorksCommands(store, SuiteClock.Time), null, cancellationToken);
                Assert.Empty(result.Rejections);
                await BulletinSchema.MigrateAsync(dataSource, cancellationToken);
            }

            _templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync();
}
