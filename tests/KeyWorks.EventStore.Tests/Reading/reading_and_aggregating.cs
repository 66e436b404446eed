using System.Text.Json.Nodes;
using KeyWorks.EventStore.Events;
using KeyWorks.Testing;

namespace KeyWorks.EventStore.Tests.Reading;

public sealed class reading_and_aggregating(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task AppendAsync(PostgresEventStore store, string stream, params object[] events)
    {
        await using var session = store.OpenSession();
        session.Append(stream, events);
        await session.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task a_stream_aggregates_through_its_apply_methods()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await AppendAsync(store, "acc", new AccountOpened("Ann"), new Deposited(100m, new DateOnly(2026, 3, 1)), new Withdrawn(30m));

        Assert.Equal(new Account("Ann", 70m, 2), await store.AggregateStreamAsync<Account>("acc", cancellationToken: Ct));
        Assert.Equal(new Account("Ann", 100m, 1), await store.AggregateStreamAsync<Account>("acc", toVersion: 2, cancellationToken: Ct));
        Assert.Null(await store.AggregateStreamAsync<Account>("missing", cancellationToken: Ct));
        var total = await store.AggregateStreamAsync("acc", 0m, (sum, e) => e.Data is Deposited d ? sum + d.Amount : sum, cancellationToken: Ct);
        Assert.Equal(100m, total);
    }

    [Fact]
    public async Task state_as_of_a_time_equals_the_fold_of_only_the_events_recorded_by_then()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await AppendAsync(store, "acc", new AccountOpened("Ann"), new Deposited(100m, new DateOnly(2026, 3, 1)));
        await Task.Delay(20, Ct);
        await AppendAsync(store, "acc", new Withdrawn(40m));
        await Task.Delay(20, Ct);
        await AppendAsync(store, "acc", new Deposited(5m, new DateOnly(2026, 3, 31)), new Withdrawn(1m));

        var all = await store.ReadStreamAsync("acc", cancellationToken: Ct);
        foreach (var cutoff in all.Select(e => e.RecordedAt).Distinct())
        {
            var expected = all.Where(e => e.RecordedAt <= cutoff).Aggregate((Account?)null, (s, e) => s is null ? Account.Create((AccountOpened)e.Data) : e.Data switch
            {
                Deposited d => s.Apply(d),
                Withdrawn w => s.Apply(w),
                _ => s,
            });
            Assert.Equal(expected, await store.AggregateStreamAsync<Account>("acc", asOf: cutoff, cancellationToken: Ct));
        }

        Assert.Equal(new Account("Ann", 60m, 2), await store.AggregateStreamAsync<Account>("acc", asOf: all[2].RecordedAt, cancellationToken: Ct));
        Assert.Null(await store.AggregateStreamAsync<Account>("acc", asOf: all[0].RecordedAt.AddMilliseconds(-1), cancellationToken: Ct));
        Assert.Equal(3, await store.GetPositionAsOfAsync(all[2].RecordedAt, Ct));
    }

    [Fact]
    public async Task recorded_times_never_decrease_along_the_global_order()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async w =>
        {
            for (var i = 0; i < 20; i++)
            {
                await AppendAsync(store, $"s{w}", new Withdrawn(i));
            }
        }));
        var all = await store.QueryEventsAsync(new EventQuery(), Ct);
        Assert.Equal(Enumerable.Range(1, 160).Select(i => (long)i), all.Select(e => e.Position));
        Assert.Equal(all.Select(e => e.RecordedAt).Order(), all.Select(e => e.RecordedAt));
    }

    [Fact]
    public async Task events_are_queried_by_type_and_recorded_time_range()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await AppendAsync(store, "a", new AccountOpened("A"), new Withdrawn(1m));
        await Task.Delay(20, Ct);
        await AppendAsync(store, "b", new AccountOpened("B"), new Withdrawn(2m));
        await Task.Delay(20, Ct);
        await AppendAsync(store, "c", new AccountOpened("C"));
        var all = await store.QueryEventsAsync(new EventQuery(), Ct);

        var opened = await store.QueryEventsAsync(new EventQuery { Types = ["account-opened"] }, Ct);
        Assert.Equal(["A", "B", "C"], opened.Select(e => ((AccountOpened)e.Data).Owner));
        var middle = await store.QueryEventsAsync(new EventQuery { Types = ["withdrawn"], RecordedFrom = all[2].RecordedAt, RecordedTo = all[3].RecordedAt }, Ct);
        Assert.Equal([4L], middle.Select(e => e.Position));
        var limited = await store.QueryEventsAsync(new EventQuery { AfterPosition = 1, Limit = 2 }, Ct);
        Assert.Equal([2L, 3L], limited.Select(e => e.Position));
    }

    [Fact]
    public async Task a_large_read_streams_page_by_page_in_global_order()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource, o => o.ReadPageSize = 7);
        for (var i = 0; i < 10; i++)
        {
            await AppendAsync(store, $"s{i % 3}", Enumerable.Range(0, 5).Select(n => (object)new Withdrawn(n)).ToArray());
        }

        var positions = new List<long>();
        await foreach (var e in store.ReadAllAsync(new EventQuery(), Ct))
        {
            positions.Add(e.Position);
        }

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), positions);
        var streamOne = new List<long>();
        await foreach (var e in store.ReadAllAsync(new EventQuery { StreamId = "s1", AfterPosition = 10 }, Ct))
        {
            streamOne.Add(e.Version);
        }

        Assert.Equal(Enumerable.Range(6, 10).Select(i => (long)i), streamOne);
    }

    [Fact]
    public async Task old_event_shapes_are_upcast_on_read()
    {
        await using var dataSource = Stores.DataSource(database);
        var schema = Stores.NewSchema();
        var oldStore = await Stores.CreateAsync(dataSource, o => o.Events.Register<LegacyPayment>("payment-made"), schema);
        await AppendAsync(oldStore, "acc", new AccountOpened("Ann"), new LegacyPayment(12.5m));

        var store = await Stores.CreateAsync(dataSource, o => o.Events.Upcast("payment-made", "deposited", old => new JsonObject
        {
            ["amount"] = old["cents"]!.GetValue<decimal>() / 100m,
            ["on"] = "2020-01-01",
        }), schema);

        Assert.Equal(new Account("Ann", 0.125m, 1), await store.AggregateStreamAsync<Account>("acc", cancellationToken: Ct));
        var byType = await store.QueryEventsAsync(new EventQuery { Types = ["deposited"] }, Ct);
        Assert.Equal("payment-made", Assert.Single(byType).TypeName);
    }

    [Fact]
    public async Task events_round_trip_through_a_source_generated_json_context()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource, o => o.Events.UseJsonContext(TestJsonContext.Default));
        await AppendAsync(store, "acc", new AccountOpened("Ann"), new Deposited(3m, new DateOnly(2026, 5, 1)));

        Assert.Equal(new Account("Ann", 3m, 1), await store.AggregateStreamAsync<Account>("acc", cancellationToken: Ct));
        Assert.Equal(1, await Stores.ScalarAsync(dataSource, $"SELECT count(*) FROM {store.Schema}.events WHERE data ->> 'on' = '2026-05-01'"));
    }

    public sealed record LegacyPayment(decimal Cents);
}
