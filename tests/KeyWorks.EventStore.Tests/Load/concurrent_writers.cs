using System.Collections.Concurrent;
using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Projections;
using KeyWorks.EventStore.Sessions;
using KeyWorks.EventStore.Tests.Projections;
using KeyWorks.Testing;

namespace KeyWorks.EventStore.Tests.Load;

public sealed record LoadEvent(int Writer, int Sequence, bool Doomed);

/// <summary>An inline projection that fails any append carrying a doomed event, after its positions were taken.</summary>
public sealed class Saboteur : IProjection
{
    public string Name => "saboteur";

    public Task CreateStorageAsync(ProjectionContext context) => Task.CompletedTask;

    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events) =>
        events.Any(e => e.Data is LoadEvent { Doomed: true })
            ? throw new InvalidOperationException("doomed")
            : Task.CompletedTask;
}

public sealed class concurrent_writers(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const int Writers = 16;
    private const int Streams = 200;
    private const int TargetEvents = 20_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task sixteen_writers_with_conflicts_and_rollbacks_leave_a_gap_free_order_every_reader_sees_once()
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(database.ConnectionString + ";Maximum Pool Size=40");
        var store = await Stores.CreateAsync(dataSource, o =>
        {
            o.Events.Register<LoadEvent>("load-event");
            o.Projections.Add(new Saboteur(), ProjectionLifecycle.Inline);
            o.Projections.Add(new PositionLog(), ProjectionLifecycle.Async);
        });
        await using var daemon = store.CreateDaemon();
        await daemon.StartAsync(Ct);

        using var stopFeed = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var fed = new List<EventEnvelope>();
        var feed = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in store.SubscribeAsync(0, cancellationToken: stopFeed.Token))
                {
                    lock (fed)
                    {
                        fed.Add(e);
                    }
                }
            }
            catch (OperationCanceledException) when (stopFeed.IsCancellationRequested)
            {
            }
        }, Ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var acknowledged = new ConcurrentBag<(AppendResult Result, int Writer, int FirstSequence)>();
        var committed = 0;
        var conflicts = 0;
        var rollbacks = 0;
        var knownVersions = new ConcurrentDictionary<string, long>();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var sequence = 0;
            while (Volatile.Read(ref committed) < TargetEvents)
            {
                var stream = $"stream-{random.Next(Streams)}";
                var known = knownVersions.GetOrAdd(stream, 0);
                var expected = random.Next(10) switch
                {
                    0 => ExpectedVersion.Any,
                    1 => ExpectedVersion.Exact(known + 1 + random.Next(3)),
                    _ => ExpectedVersion.Exact(known),
                };
                var doomed = random.Next(10) == 0;
                var count = random.Next(1, 6);
                var first = sequence;
                var events = Enumerable.Range(0, count).Select(i => (object)new LoadEvent(w, sequence++, doomed && i == count - 1)).ToArray();
                await using var session = store.OpenSession(new SessionMetadata($"writer-{w}"));
                session.Append(stream, expected, events);
                try
                {
                    var result = (await session.SaveChangesAsync(Ct))[0];
                    Assert.False(doomed);
                    acknowledged.Add((result, w, first));
                    knownVersions.AddOrUpdate(stream, result.LastVersion, (_, v) => Math.Max(v, result.LastVersion));
                    Interlocked.Add(ref committed, count);
                }
                catch (VersionConflictException conflict)
                {
                    Interlocked.Increment(ref conflicts);
                    knownVersions.AddOrUpdate(stream, conflict.Actual, (_, v) => Math.Max(v, conflict.Actual));
                }
                catch (InvalidOperationException) when (doomed)
                {
                    Interlocked.Increment(ref rollbacks);
                }
            }
        }, Ct)));

        var head = await store.GetHeadPositionAsync(Ct);
        var written = clock.Elapsed;
        Assert.True(await store.WaitForProjectionAsync("position_log", head, TimeSpan.FromSeconds(60), Ct));
        for (var waited = 0; waited < 600 && fed.Count < head; waited++)
        {
            await Task.Delay(100, Ct);
        }

        await stopFeed.CancelAsync();
        await feed;
        TestContext.Current.TestOutputHelper?.WriteLine($"{head} events written in {written}, projected and fed by {clock.Elapsed}; {conflicts} conflicts, {rollbacks} rollbacks");

        Assert.True(conflicts > 0 && rollbacks > 0, $"conflicts {conflicts}, rollbacks {rollbacks}");
        Assert.Equal(committed, head);
        var all = await store.QueryEventsAsync(new EventQuery(), Ct);
        Assert.Equal(Enumerable.Range(1, (int)head).Select(i => (long)i), all.Select(e => e.Position));
        Assert.DoesNotContain(all, e => ((LoadEvent)e.Data).Doomed);

        // Every acknowledged append is there, where its result said.
        var byPosition = all.ToDictionary(e => e.Position);
        Assert.Equal(head, acknowledged.Sum(a => a.Result.LastPosition - a.Result.FirstPosition + 1));
        foreach (var (result, writer, firstSequence) in acknowledged)
        {
            for (var p = result.FirstPosition; p <= result.LastPosition; p++)
            {
                var e = byPosition[p];
                Assert.Equal((result.StreamId, result.FirstVersion + p - result.FirstPosition), (e.StreamId, e.Version));
                Assert.Equal(new LoadEvent(writer, firstSequence + (int)(p - result.FirstPosition), false), e.Data);
            }
        }

        // Stream versions run 1..n with no gap or duplicate, and the stream row agrees.
        foreach (var stream in all.GroupBy(e => e.StreamId))
        {
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(i => (long)i), stream.Select(e => e.Version));
            Assert.Equal(stream.Count(), (await store.GetStreamStateAsync(stream.Key, Ct))!.Version);
        }

        // The feed and the async projection saw each committed event once, in global order.
        Assert.Equal(all.Select(e => (e.Position, e.EventId)), fed.Select(e => (e.Position, e.EventId)));
        var projected = await Stores.ScalarAsync(dataSource, $"""
            SELECT count(*) FROM {store.ProjectionSchema("position_log")}.seen s
            JOIN {store.Schema}.events e USING (position)
            WHERE s.stream_id = e.stream_id AND s.version = e.version
            """);
        Assert.Equal(head, projected);
        Assert.Equal(head, await Stores.ScalarAsync(dataSource, $"SELECT count(*) FROM {store.ProjectionSchema("position_log")}.seen"));
    }
}
