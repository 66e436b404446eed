using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Sessions;
using KeyWorks.Testing;

namespace KeyWorks.EventStore.Tests.Appending;

public sealed class appending_events(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task starting_a_stream_numbers_versions_and_positions_from_one()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await using var session = store.OpenSession(new("alice", "corr-1", "cause-1"));
        session.StartStream("acc-1", "account", new AccountOpened("Alice"), new Deposited(10m, new DateOnly(2026, 1, 5)));
        var result = Assert.Single(await session.SaveChangesAsync(Ct));

        Assert.Equal(new AppendResult("acc-1", 1, 2, 1, 2, false), result);
        var events = await store.ReadStreamAsync("acc-1", cancellationToken: Ct);
        Assert.Equal([1L, 2L], events.Select(e => e.Version));
        Assert.Equal(["account-opened", "deposited"], events.Select(e => e.TypeName));
        Assert.Equal(new AccountOpened("Alice"), events[0].Data);
        Assert.Equal(new DateOnly(2026, 1, 5), events[1].BusinessDate);
        Assert.All(events, e => Assert.Equal(("alice", "corr-1", "cause-1"), (e.User, e.CorrelationId, e.CausationId)));
        var stream = await store.GetStreamStateAsync("acc-1", Ct);
        Assert.Equal(("account", 2L), (stream!.Type, stream.Version));
    }

    [Fact]
    public async Task appending_with_wrong_expected_version_fails_with_version_conflict_and_writes_nothing()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await using var session = store.OpenSession();
        session.StartStream("acc-1", "account", new AccountOpened("Alice"));
        session.StartStream("acc-2", "account", new AccountOpened("Bob"));
        await session.SaveChangesAsync(Ct);

        // One good append and one stale one in the same session: neither may land.
        session.Append("acc-1", ExpectedVersion.Exact(1), new Deposited(5m, new DateOnly(2026, 1, 1)));
        session.Append("acc-2", ExpectedVersion.Exact(3), new Deposited(7m, new DateOnly(2026, 1, 1)));
        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() => session.SaveChangesAsync(Ct));

        Assert.Equal("VERSION_CONFLICT", conflict.Code);
        Assert.Equal(("acc-2", 1L), (conflict.StreamId, conflict.Actual));
        Assert.Equal(2, await Stores.ScalarAsync(dataSource, $"SELECT count(*) FROM {store.Schema}.events"));
        Assert.Equal(1, (await store.GetStreamStateAsync("acc-1", Ct))!.Version);
        Assert.Equal(2, await store.GetHeadPositionAsync(Ct));
    }

    [Fact]
    public async Task each_kind_of_expected_version_is_enforced()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        async Task<bool> TryAsync(ExpectedVersion expected)
        {
            await using var session = store.OpenSession();
            session.Append("acc", expected, new Withdrawn(1m));
            try
            {
                await session.SaveChangesAsync(Ct);
                return true;
            }
            catch (VersionConflictException)
            {
                return false;
            }
        }

        Assert.False(await TryAsync(ExpectedVersion.StreamExists));
        Assert.False(await TryAsync(ExpectedVersion.Exact(1)));
        Assert.True(await TryAsync(ExpectedVersion.NoStream));
        Assert.False(await TryAsync(ExpectedVersion.NoStream));
        Assert.True(await TryAsync(ExpectedVersion.StreamExists));
        Assert.True(await TryAsync(ExpectedVersion.Exact(2)));
        Assert.False(await TryAsync(ExpectedVersion.Exact(2)));
        Assert.True(await TryAsync(ExpectedVersion.Any));
        Assert.Equal(4, (await store.GetStreamStateAsync("acc", Ct))!.Version);
    }

    [Fact]
    public async Task a_repeated_idempotency_key_appends_once_and_returns_the_first_result()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        async Task<AppendResult> AppendAsync(decimal amount)
        {
            await using var session = store.OpenSession();
            session.Append("acc-1", ExpectedVersion.Any, "request-42", [new Deposited(amount, new DateOnly(2026, 2, 1)), new Withdrawn(1m)]);
            return Assert.Single(await session.SaveChangesAsync(Ct));
        }

        var first = await AppendAsync(10m);
        var again = await AppendAsync(99m);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => AppendAsync(50m)));

        Assert.False(first.Duplicate);
        Assert.Equal(first with { Duplicate = true }, again);
        Assert.All(concurrent, r => Assert.Equal(first with { Duplicate = true }, r));
        var events = await store.ReadStreamAsync("acc-1", cancellationToken: Ct);
        Assert.Equal(2, events.Count);
        Assert.Equal(10m, ((Deposited)events[0].Data).Amount);
        Assert.Equal("request-42", events[0].IdempotencyKey);
    }

    [Fact]
    public async Task the_same_idempotency_key_on_another_stream_is_a_different_append()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await using var session = store.OpenSession();
        session.Append("a", ExpectedVersion.Any, "k", [new Withdrawn(1m)]);
        session.Append("b", ExpectedVersion.Any, "k", [new Withdrawn(1m)]);
        var results = await session.SaveChangesAsync(Ct);
        Assert.All(results, r => Assert.False(r.Duplicate));
        Assert.Equal(2, await store.GetHeadPositionAsync(Ct));
    }

    [Fact]
    public async Task appending_to_several_streams_in_one_session_is_one_transaction_with_consecutive_positions()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await using var session = store.OpenSession();
        session.StartStream("b", null, new AccountOpened("B"), new Withdrawn(1m));
        session.StartStream("a", null, new AccountOpened("A"));
        var results = await session.SaveChangesAsync(Ct);

        // Results come back in staging order; streams are written in id order.
        Assert.Equal(["b", "a"], results.Select(r => r.StreamId));
        Assert.Equal((2L, 3L), (results[0].FirstPosition, results[0].LastPosition));
        Assert.Equal((1L, 1L), (results[1].FirstPosition, results[1].LastPosition));
        var all = await store.QueryEventsAsync(new EventQuery(), Ct);
        Assert.Equal([1L, 2L, 3L], all.Select(e => e.Position));
        Assert.Single(all.Select(e => e.RecordedAt).Distinct());
    }

    [Fact]
    public async Task sessions_saved_at_the_same_moment_succeed_or_fail_each_on_their_own()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var session = store.OpenSession(new SessionMetadata(CorrelationId: $"c{i}"));
            session.Append($"s{i}", i % 3 == 0 ? ExpectedVersion.Exact(5) : ExpectedVersion.NoStream, new Withdrawn(i), new Withdrawn(i));
            try
            {
                await session.SaveChangesAsync(Ct);
                return true;
            }
            catch (VersionConflictException conflict)
            {
                Assert.Equal($"s{i}", conflict.StreamId);
                return false;
            }
        }));

        Assert.Equal(Enumerable.Range(0, 40).Select(i => i % 3 != 0), outcomes);
        var events = await store.QueryEventsAsync(new EventQuery(), Ct);
        Assert.Equal(2 * outcomes.Count(o => o), events.Count);
        Assert.All(events.GroupBy(e => e.CorrelationId), g => Assert.Equal([1L, 2L], g.Select(e => e.Version)));
    }

    [Fact]
    public async Task an_unregistered_event_type_is_refused_before_anything_is_written()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await using var session = store.OpenSession();
        session.Append("a", new { Anonymous = true });
        var error = await Assert.ThrowsAsync<EventStoreException>(() => session.SaveChangesAsync(Ct));
        Assert.Equal("EVENT_TYPE_NOT_REGISTERED", error.Code);
    }
}
