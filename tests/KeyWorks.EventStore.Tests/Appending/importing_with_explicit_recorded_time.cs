using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Sessions;
using KeyWorks.Testing;

namespace KeyWorks.EventStore.Tests.Appending;

public sealed class importing_with_explicit_recorded_time(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset January = new(2020, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task an_import_is_recorded_at_its_given_time_and_as_of_reads_see_it_there()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await using (var session = store.OpenSession(new SessionMetadata("importer", RecordedAt: January)))
        {
            session.StartStream("acc-1", "account", new AccountOpened("Alice"));
            await session.SaveChangesAsync(Ct);
        }

        await using (var session = store.OpenSession(new SessionMetadata("importer", RecordedAt: January.AddMonths(1))))
        {
            session.Append("acc-1", new Deposited(5m, new DateOnly(2020, 2, 10)));
            await session.SaveChangesAsync(Ct);
        }

        var events = await store.ReadStreamAsync("acc-1", cancellationToken: Ct);
        Assert.Equal([January, January.AddMonths(1)], events.Select(e => e.RecordedAt));
        Assert.Single(await store.ReadStreamAsync("acc-1", asOf: January.AddDays(1), cancellationToken: Ct));
        Assert.Equal(1, await store.GetPositionAsOfAsync(January.AddDays(1), Ct));
    }

    [Fact]
    public async Task an_import_earlier_than_the_newest_event_is_refused_and_writes_nothing()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await using (var session = store.OpenSession(new SessionMetadata(RecordedAt: January.AddMonths(1))))
        {
            session.StartStream("acc-1", "account", new AccountOpened("Alice"));
            await session.SaveChangesAsync(Ct);
        }

        await using var late = store.OpenSession(new SessionMetadata(RecordedAt: January));
        late.Append("acc-1", new Deposited(5m, new DateOnly(2020, 1, 10)));
        var refused = await Assert.ThrowsAsync<RecordedTimeException>(() => late.SaveChangesAsync(Ct));

        Assert.Equal(("RECORDED_AT_BEFORE_HEAD", "acc-1"), (refused.Code, refused.StreamId));
        Assert.Equal(1, await store.GetHeadPositionAsync(Ct));
    }

    [Fact]
    public async Task clock_stamped_appends_after_an_import_keep_recorded_time_non_decreasing()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        var future = DateTimeOffset.UtcNow.AddDays(2);
        await using (var session = store.OpenSession(new SessionMetadata(RecordedAt: future)))
        {
            session.StartStream("acc-1", "account", new AccountOpened("Alice"));
            await session.SaveChangesAsync(Ct);
        }

        await using (var session = store.OpenSession())
        {
            session.Append("acc-1", ExpectedVersion.Exact(1), new Deposited(5m, new DateOnly(2020, 1, 10)));
            await session.SaveChangesAsync(Ct);
        }

        var events = await store.ReadStreamAsync("acc-1", cancellationToken: Ct);
        Assert.True(events[1].RecordedAt >= events[0].RecordedAt);
    }
}
