using System.Globalization;
using KeyWorks.EventStore.Benchmarks;
using KeyWorks.EventStore.Events;
using KeyWorks.Testing;

namespace KeyWorks.EventStore.Tests.Processes;

public sealed class killing_a_writer_process(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task after_a_kill_every_acknowledged_append_is_there_nothing_is_half_there_and_projections_catch_up_to_a_rebuild()
    {
        var schema = Stores.NewSchema("crash");
        var ackFile = Path.Combine(Path.GetTempPath(), $"keyworks-acks-{Guid.NewGuid():N}.log");
        try
        {
            using (var writer = ChildProcess.Start("writer", database.ConnectionString, schema, ackFile))
            {
                Assert.True(await writer.WaitForLineAsync("writing", TimeSpan.FromSeconds(60), Ct), writer.LastLine);
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while ((File.Exists(ackFile) ? File.ReadLines(ackFile).Count() : 0) < 2000 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100, Ct);
                }

                writer.Kill();
            }

            // The last line may be cut short by the kill; whole lines are acknowledged appends.
            var acks = File.ReadAllText(ackFile).Split('\n').Where(l => l.Split(' ').Length == 5)
                .Select(l => l.Split(' ')).Select(p => (Correlation: p[0], Stream: p[1], First: long.Parse(p[2], CultureInfo.InvariantCulture),
                    Last: long.Parse(p[3], CultureInfo.InvariantCulture), Version: long.Parse(p[4], CultureInfo.InvariantCulture)))
                .ToList();
            Assert.True(acks.Count >= 1000, $"only {acks.Count} acknowledged appends");

            await using var dataSource = Stores.DataSource(database);
            var store = await PostgresEventStore.CreateAsync(dataSource, LoadStore.Options(schema), Ct);
            var all = await store.QueryEventsAsync(new EventQuery(), Ct);
            var byPosition = all.ToDictionary(e => e.Position);
            foreach (var ack in acks)
            {
                for (var p = ack.First; p <= ack.Last; p++)
                {
                    var e = byPosition[p];
                    Assert.Equal((ack.Stream, ack.Version + p - ack.First, ack.Correlation), (e.StreamId, e.Version, e.CorrelationId));
                }
            }

            // Every session wrote 5 events to two streams; any committed session is whole.
            Assert.All(all.GroupBy(e => e.CorrelationId), session => Assert.Equal(5, session.Count()));
            Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(e => e.Position));
            Assert.True(all.Count >= acks.Sum(a => a.Last - a.First + 1));

            await using (var daemon = store.CreateDaemon())
            {
                await daemon.StartAsync(Ct);
                Assert.True(await store.WaitForProjectionAsync("stream_totals", all.Count, TimeSpan.FromSeconds(60), Ct));
            }

            var caughtUp = await TotalsAsync(store);
            await store.RebuildProjectionAsync("stream_totals", Ct);
            Assert.Equal(caughtUp, await TotalsAsync(store));
            Assert.Equal(all.Count, caughtUp.Sum(t => t.Events));
        }
        finally
        {
            File.Delete(ackFile);
        }
    }

    private static async Task<List<(string Stream, long Events, long Amount, long Last)>> TotalsAsync(PostgresEventStore store)
    {
        await using var command = store.DataSource.CreateCommand(
            $"SELECT stream_id, events, amount, last_version FROM {store.ProjectionSchema("stream_totals")}.totals ORDER BY stream_id");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(string, long, long, long)>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return rows;
    }
}
