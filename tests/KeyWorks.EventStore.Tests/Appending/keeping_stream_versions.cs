using KeyWorks.EventStore.Events;
using KeyWorks.Testing;
using Npgsql;

namespace KeyWorks.EventStore.Tests.Appending;

/// <summary>
/// Two events can never share a stream version: the append function hands versions out from the stream row under its
/// lock, and the database refuses to delete or truncate stream rows (a stream deleted and started again would reuse its
/// versions). The 16-writer load test checks the versions that concurrent appends produce.
/// </summary>
public sealed class keeping_stream_versions(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("DELETE FROM {0}.streams WHERE id = 'acc-1'")]
    [InlineData("TRUNCATE {0}.streams")]
    public async Task the_database_refuses_to_remove_a_stream(string statement)
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await using (var session = store.OpenSession())
        {
            session.StartStream("acc-1", "account", new AccountOpened("Alice"), new Deposited(5m, new DateOnly(2026, 1, 5)));
            await session.SaveChangesAsync(Ct);
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => Stores.ScalarAsync(dataSource, string.Format(System.Globalization.CultureInfo.InvariantCulture, statement, store.Schema)));

        Assert.Equal("23001", refused.SqlState);
        Assert.Equal(2, (await store.GetStreamStateAsync("acc-1", Ct))!.Version);
        await using (var session = store.OpenSession())
        {
            session.Append("acc-1", ExpectedVersion.Exact(2), new Deposited(7m, new DateOnly(2026, 1, 6)));
            Assert.Equal(3, (await session.SaveChangesAsync(Ct))[0].LastVersion);
        }

        Assert.Equal([1L, 2L, 3L], (await store.ReadStreamAsync("acc-1", cancellationToken: Ct)).Select(e => e.Version));
    }

    [Fact]
    public async Task archiving_a_stream_still_works_and_stream_reads_use_the_stream_index()
    {
        await using var dataSource = Stores.DataSource(database);
        var store = await Stores.CreateAsync(dataSource);
        await using (var session = store.OpenSession())
        {
            session.StartStream("acc-1", "account", new AccountOpened("Alice"));
            session.StartStream("acc-2", "account", new AccountOpened("Bob"));
            await session.SaveChangesAsync(Ct);
        }

        await store.ArchiveStreamAsync("acc-1", Ct);

        Assert.True((await store.GetStreamStateAsync("acc-1", Ct))!.Archived);
        await using var plan = dataSource.CreateCommand(
            $"SET enable_seqscan = off; EXPLAIN SELECT version FROM {store.Schema}.events WHERE stream_id = 'acc-2' ORDER BY version");
        var text = new List<string>();
        await using (var reader = await plan.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                text.Add(reader.GetString(0));
            }
        }

        Assert.Contains(text, line => line.Contains("event_rows_stream_version", StringComparison.Ordinal));
    }
}
