using KeyWorks.EventStore.Benchmarks;
using KeyWorks.Testing;

namespace KeyWorks.EventStore.Tests.Processes;

public sealed class daemon_fail_over(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task two_daemon_processes_on_one_database_run_one_at_a_time_and_the_other_takes_over_within_ten_seconds()
    {
        var schema = Stores.NewSchema("failover");
        await using var dataSource = Stores.DataSource(database);
        var store = await PostgresEventStore.CreateAsync(dataSource, LoadStore.Options(schema), Ct);
        using var first = ChildProcess.Start("daemon", database.ConnectionString, schema);
        Assert.True(await first.WaitForLineAsync("leader", TimeSpan.FromSeconds(60), Ct), first.LastLine);
        using var second = ChildProcess.Start("daemon", database.ConnectionString, schema);
        Assert.True(await second.WaitForLineAsync("started", TimeSpan.FromSeconds(60), Ct), second.LastLine);

        // The second keeps trying (every second) but must not lead while the first lives.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Null(second.FirstLine("leader"));
        await AppendAsync(store, 10);
        Assert.True(await store.WaitForProjectionAsync("stream_totals", 10, TimeSpan.FromSeconds(10), Ct));

        first.Kill();
        var killedAt = DateTime.UtcNow;
        Assert.True(await second.WaitForLineAsync("leader", TimeSpan.FromSeconds(10), Ct), "the second daemon did not take over within 10 s");
        Assert.True(second.FirstLine("leader")!.Value - killedAt < TimeSpan.FromSeconds(10));

        await AppendAsync(store, 10);
        Assert.True(await store.WaitForProjectionAsync("stream_totals", 20, TimeSpan.FromSeconds(10), Ct));
        Assert.Equal(20, await Stores.ScalarAsync(dataSource, $"SELECT sum(events) FROM {store.ProjectionSchema("stream_totals")}.totals"));
    }

    private static async Task AppendAsync(PostgresEventStore store, int count)
    {
        await using var session = store.OpenSession();
        session.Append("s", Enumerable.Range(0, count).Select(i => (object)new Tick(0, i, 1)).ToArray());
        await session.SaveChangesAsync(Ct);
    }
}
