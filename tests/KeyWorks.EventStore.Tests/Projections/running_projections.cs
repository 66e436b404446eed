using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Projections;
using KeyWorks.Testing;

namespace KeyWorks.EventStore.Tests.Projections;

public sealed class running_projections(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<AppendResult> AppendAsync(PostgresEventStore store, string stream, params object[] events)
    {
        await using var session = store.OpenSession();
        session.Append(stream, events);
        return (await session.SaveChangesAsync(Ct))[0];
    }

    private static Task<long> SeenAsync(PostgresEventStore store, string name = "position_log") =>
        Stores.ScalarAsync(store.DataSource, $"SELECT count(*) FROM {store.ProjectionSchema(name)}.seen");

    [Fact]
    public async Task an_inline_projection_is_written_with_the_append()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource, o => o.Projections.Add(new PositionLog(), ProjectionLifecycle.Inline));
        await AppendAsync(store, "a", new AccountOpened("A"), new Withdrawn(3m));
        Assert.Equal(2, await SeenAsync(store));
    }

    [Fact]
    public async Task a_failing_inline_projection_rolls_the_append_back()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource, o => o.Projections.Add(new PositionLog(), ProjectionLifecycle.Inline));
        await AppendAsync(store, "a", new AccountOpened("A"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => AppendAsync(store, "a", new Withdrawn(5000m)));

        Assert.Equal(1, await store.GetHeadPositionAsync(Ct));
        Assert.Equal(1, (await store.GetStreamStateAsync("a", Ct))!.Version);
        Assert.Equal(1, await SeenAsync(store));
        Assert.Equal(2, (await AppendAsync(store, "a", new Withdrawn(5m))).LastPosition);
    }

    [Fact]
    public async Task the_daemon_applies_events_in_order_and_resumes_from_its_checkpoint()
    {
        await using var dataSource = Stores.DataSource(database);
        var schema = Stores.NewSchema();
        var store = await Stores.CreateAsync(dataSource, o => o.Projections.Add(new PositionLog(), ProjectionLifecycle.Async), schema);
        await AppendAsync(store, "a", new AccountOpened("A"), new Withdrawn(1m));
        await using (var daemon = store.CreateDaemon())
        {
            await daemon.StartAsync(Ct);
            Assert.True(await store.WaitForProjectionAsync("position_log", 2, TimeSpan.FromSeconds(10), Ct));
            Assert.True(daemon.IsLeader);
            await daemon.StopAsync(Ct);
        }

        await AppendAsync(store, "b", new AccountOpened("B"));
        var restarted = await Stores.CreateAsync(dataSource, o => o.Projections.Add(new PositionLog(), ProjectionLifecycle.Async), schema);
        await using (var daemon = restarted.CreateDaemon())
        {
            await daemon.StartAsync(Ct);
            Assert.True(await store.WaitForProjectionAsync("position_log", 3, TimeSpan.FromSeconds(10), Ct));
        }

        Assert.Equal(3, await SeenAsync(store));
    }

    [Theory]
    [InlineData(ProjectionLifecycle.Inline)]
    [InlineData(ProjectionLifecycle.Async)]
    public async Task a_rebuild_swaps_in_a_complete_copy_while_readers_keep_reading(ProjectionLifecycle lifecycle)
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource, o =>
        {
            o.Projections.Add(new PositionLog(), lifecycle);
            o.ReadPageSize = 50;
        });
        await using var daemon = store.CreateDaemon();
        await daemon.StartAsync(Ct);
        for (var i = 0; i < 40; i++)
        {
            await AppendAsync(store, $"s{i % 4}", Enumerable.Range(0, 10).Select(n => (object)new Withdrawn(n)).ToArray());
        }

        Assert.True(await store.WaitForProjectionAsync("position_log", lifecycle == ProjectionLifecycle.Async ? 400 : 0, TimeSpan.FromSeconds(20), Ct));
        // Damage the live copy so the rebuild has something to repair.
        await Stores.ScalarAsync(dataSource, $"DELETE FROM {store.ProjectionSchema("position_log")}.seen WHERE position % 2 = 0");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var readerErrors = 0;
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await SeenAsync(store);
                    reads++;
                }
                catch (Npgsql.PostgresException)
                {
                    readerErrors++;
                }
            }
        }, Ct);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await AppendAsync(store, "late", new Withdrawn(i));
            }
        }, Ct);

        await store.RebuildProjectionAsync("position_log", Ct);
        await writer;
        var head = await store.GetHeadPositionAsync(Ct);
        Assert.True(await store.WaitForProjectionAsync("position_log", lifecycle == ProjectionLifecycle.Async ? head : 0, TimeSpan.FromSeconds(20), Ct));
        await stop.CancelAsync();
        await reader;

        Assert.Equal(0, readerErrors);
        Assert.True(reads > 0);
        Assert.Equal(head, await SeenAsync(store));
        Assert.Equal(head, await Stores.ScalarAsync(dataSource, $"SELECT max(position) FROM {store.ProjectionSchema("position_log")}.seen"));
    }

    [Fact]
    public async Task a_projection_is_built_as_of_a_recorded_time_into_a_schema_of_its_own()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource, o => o.Projections.Add(new PositionLog(), ProjectionLifecycle.Inline));
        await AppendAsync(store, "a", new AccountOpened("A"), new Withdrawn(1m));
        var cutoff = (await store.ReadStreamAsync("a", cancellationToken: Ct))[^1].RecordedAt;
        await Task.Delay(20, Ct);
        await AppendAsync(store, "a", new Withdrawn(2m));

        var target = Stores.NewSchema("asof");
        var position = await store.BuildProjectionAsOfAsync("position_log", target, cutoff, Ct);

        Assert.Equal(2, position);
        Assert.Equal(2, await Stores.ScalarAsync(dataSource, $"SELECT count(*) FROM {target}.seen"));
        Assert.Equal(3, await SeenAsync(store));
    }
}
