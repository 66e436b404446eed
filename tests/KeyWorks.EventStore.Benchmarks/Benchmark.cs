using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.LocalCluster;
using Npgsql;
using NpgsqlTypes;

namespace KeyWorks.EventStore.Benchmarks;

/// <summary>
/// Measures, in one run against one PostgreSQL: appends against bare INSERTs (one event and 100 events per
/// transaction, 16 writers), async projection catch-up, a rebuild and a streaming read of a large store.
/// Starts a private cluster unless --connection is given.
/// </summary>
public static class Benchmark
{
    private static int Writers = 16;
    private const string Body = """{"writer":1,"sequence":12345,"amount":7}""";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var seconds = int.Parse(Option("--seconds") ?? "10", CultureInfo.InvariantCulture);
        var largeStore = int.Parse(Option("--events") ?? "1000000", CultureInfo.InvariantCulture);
        var durable = args.Contains("--durable");
        Writers = int.Parse(Option("--writers") ?? "16", CultureInfo.InvariantCulture);
        var only = Option("--only");
        var connection = Option("--connection");
        LocalPostgresCluster? cluster = null;
        var folder = Path.Combine(Path.GetTempPath(), $"keyworks-bench-{Guid.NewGuid():N}");
        if (connection is null)
        {
            cluster = await LocalPostgresCluster.StartAsync(new LocalClusterOptions { DataDirectory = folder, Durable = durable, Database = "bench", MaxConnections = 100 });
            connection = cluster.ConnectionString;
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connection + ";Maximum Pool Size=40");
            Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"cores {Environment.ProcessorCount}, {Writers} writers, {seconds} s per write measurement, durable (fsync) {durable}, large store {largeStore:N0} events");
            await RunAllAsync(dataSource, TimeSpan.FromSeconds(seconds), largeStore, only);
            return 0;
        }
        finally
        {
            if (cluster is not null)
            {
                await cluster.StopAsync();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task RunAllAsync(NpgsqlDataSource dataSource, TimeSpan duration, int largeStore, string? only)
    {
        await ExecuteAsync(dataSource, """
            DROP TABLE IF EXISTS bench_bare, bench_xid;
            CREATE TABLE bench_bare (id bigserial PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL, data jsonb NOT NULL,
                                     recorded_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE bench_xid (id bigserial PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL, data jsonb NOT NULL,
                                    tx xid8 NOT NULL DEFAULT pg_current_xact_id(), recorded_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX ON bench_xid (tx, id);
            DROP SCHEMA IF EXISTS bench_store CASCADE; DROP SCHEMA IF EXISTS bench_store_stream_totals CASCADE;
            """);
        var options = new EventStoreOptions { Schema = "bench_store" };
        options.Events.Register<Tick>("tick");
        var store = await PostgresEventStore.CreateAsync(dataSource, options);

        Func<int, long, Task<int>> bare1 = async (w, i) =>
        {
            await using var command = dataSource.CreateCommand("INSERT INTO bench_bare (stream_id, type, data) VALUES ($1, 'tick', $2::jsonb)");
            command.Parameters.AddWithValue($"s{(w * 7919 + i) % 1000}");
            command.Parameters.AddWithValue(Body);
            await command.ExecuteNonQueryAsync();
            return 1;
        };
        Func<int, long, Task<int>> xid1 = async (w, i) =>
        {
            await using var command = dataSource.CreateCommand("INSERT INTO bench_xid (stream_id, type, data) VALUES ($1, 'tick', $2::jsonb)");
            command.Parameters.AddWithValue($"s{(w * 7919 + i) % 1000}");
            command.Parameters.AddWithValue(Body);
            await command.ExecuteNonQueryAsync();
            return 1;
        };
        Func<int, long, Task<int>> store1 = async (w, i) =>
        {
            await using var session = store.OpenSession();
            session.Append($"s{(w * 7919 + i) % 1000}", new Tick(w, i, 7));
            await session.SaveChangesAsync();
            return 1;
        };
        var single = await CompareAsync(duration, bare1, xid1, store1);
        Report("1 event/tx: bare single-row INSERT", single[0], null);
        Report("1 event/tx: INSERT with sequence + xid8 column (write side of the xid scheme)", single[1], single[0]);
        Report("1 event/tx: event store append (counter row)", single[2], single[0]);

        Func<int, long, Task<int>> bare100 = async (w, i) =>
        {
            await using var command = dataSource.CreateCommand("INSERT INTO bench_bare (stream_id, type, data) SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])");
            var stream = $"m{(w * 7919 + i) % 1000}";
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Enumerable.Repeat(stream, 100).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Enumerable.Repeat("tick", 100).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Enumerable.Repeat(Body, 100).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await command.ExecuteNonQueryAsync();
            return 100;
        };
        Func<int, long, Task<int>> store100 = (w, i) => AppendBatchAsync(store, $"m{(w * 7919 + i) % 1000}", w, i, 100);
        var hundred = await CompareAsync(duration, bare100, store100);
        Report("100 events/tx: bare multi-row INSERT", hundred[0], null);
        Report("100 events/tx: event store append", hundred[1], hundred[0]);

        // End to end: the same writers with one reader tailing the log, as the daemon and the feed do.
        var xidTail = await TailAsync(duration / 2, xid1, ct => XidTailAsync(dataSource, ct));
        ReportTail("xid scheme (readers below the oldest running transaction, polled every 5 ms)", xidTail);
        var storeTail = await TailAsync(duration / 2, store1, ct => StoreTailAsync(store, ct));
        ReportTail("event store (SubscribeAsync)", storeTail);

        if (only == "writes")
        {
            return;
        }

        var head = await store.GetHeadPositionAsync();
        var fill = Stopwatch.StartNew();
        var filler = 0L;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            while (Interlocked.Add(ref filler, 1000) <= largeStore - head)
            {
                await AppendBatchAsync(store, $"f{Random.Shared.Next(10_000)}", w, 0, 1000);
            }
        })));
        head = await store.GetHeadPositionAsync();
        Console.WriteLine($"filled to {head:N0} events in {fill.Elapsed.TotalSeconds:F1} s (1,000 events/tx, 16 writers)");

        // A projection added to a full store starts at 0: the daemon catches up over all of it.
        var projected = new EventStoreOptions { Schema = "bench_store" };
        projected.Events.Register<Tick>("tick");
        projected.Projections.Add(new StreamTotals(), Projections.ProjectionLifecycle.Async);
        var withProjection = await PostgresEventStore.CreateAsync(dataSource, projected);
        var catchUp = Stopwatch.StartNew();
        await using (var daemon = withProjection.CreateDaemon())
        {
            await daemon.StartAsync(CancellationToken.None);
            await withProjection.WaitForProjectionAsync("stream_totals", head, TimeSpan.FromMinutes(30));
        }

        Console.WriteLine($"async projection catch-up: {head:N0} events in {catchUp.Elapsed.TotalSeconds:F1} s = {head / catchUp.Elapsed.TotalSeconds:N0} events/s (target >= 20,000)");

        var rebuild = Stopwatch.StartNew();
        await withProjection.RebuildProjectionAsync("stream_totals");
        Console.WriteLine($"rebuild: {head:N0} events in {rebuild.Elapsed.TotalSeconds:F1} s = {head / rebuild.Elapsed.TotalSeconds:N0} events/s (target < 60 s for 1,000,000)");

        await StreamingReadAsync(store, head);
    }

    /// <summary>
    /// Runs the writers at one event per transaction while one reader follows the log; the lag of an event is the time
    /// from its recorded time to its arrival at the reader.
    /// </summary>
    private static async Task<(double Rate, long Read, double MedianLagMs, double P99LagMs)> TailAsync(
        TimeSpan duration, Func<int, long, Task<int>> write, Func<CancellationToken, IAsyncEnumerable<DateTimeOffset>> tail)
    {
        using var stop = new CancellationTokenSource();
        var lags = new List<double>();
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var recorded in tail(stop.Token))
                {
                    lags.Add((DateTimeOffset.UtcNow - recorded).TotalMilliseconds);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        await Task.Delay(200);
        var rate = await MeasureAsync(duration, write);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await reader;
        lags.Sort();
        return lags.Count == 0 ? (rate, 0, 0, 0) : (rate, lags.Count, lags[lags.Count / 2], lags[(int)(lags.Count * 0.99)]);
    }

    private static async IAsyncEnumerable<DateTimeOffset> StoreTailAsync(PostgresEventStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in store.SubscribeAsync(await store.GetHeadPositionAsync(cancellationToken), null, cancellationToken))
        {
            yield return e.RecordedAt;
        }
    }

    /// <summary>
    /// The reader side of the transaction-id scheme: rows in (tx, id) order, only from transactions older than every
    /// running one (so none can still commit before them).
    /// </summary>
    private static async IAsyncEnumerable<DateTimeOffset> XidTailAsync(NpgsqlDataSource dataSource, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tx = "0";
        var id = 0L;
        await using (var start = new NpgsqlCommand("SELECT tx::text AS tx_text, id FROM bench_xid ORDER BY tx DESC, id DESC LIMIT 1", connection))
        await using (var row = await start.ExecuteReaderAsync(cancellationToken))
        {
            if (await row.ReadAsync(cancellationToken))
            {
                (tx, id) = (row.GetString(0), row.GetInt64(1));
            }
        }

        await using var page = new NpgsqlCommand(
            """
            SELECT tx::text AS tx_text, id, recorded_at FROM bench_xid
            WHERE (tx, id) > ($1::xid8, $2) AND tx < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx, id LIMIT 1000
            """, connection);
        page.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tx });
        page.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        while (!cancellationToken.IsCancellationRequested)
        {
            var rows = new List<DateTimeOffset>();
            await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    (tx, id) = (reader.GetString(0), reader.GetInt64(1));
                    rows.Add(reader.GetFieldValue<DateTimeOffset>(2));
                }
            }

            ((NpgsqlParameter<string>)page.Parameters[0]).TypedValue = tx;
            ((NpgsqlParameter<long>)page.Parameters[1]).TypedValue = id;
            foreach (var recorded in rows)
            {
                yield return recorded;
            }

            if (rows.Count == 0)
            {
                await Task.Delay(5, cancellationToken);
            }
        }
    }

    private static void ReportTail(string what, (double Rate, long Read, double MedianLagMs, double P99LagMs) t) => Console.WriteLine(
        $"end to end, 1 event/tx with a tailing reader, {what}: writes {t.Rate:N0} events/s, read {t.Read:N0}, reader lag median {t.MedianLagMs:N0} ms, p99 {t.P99LagMs:N0} ms");

    private static async Task StreamingReadAsync(PostgresEventStore store, long head)
    {
        var before = GC.GetTotalMemory(true);
        var live = new List<long>();
        var peakWorkingSet = Environment.WorkingSet;
        var count = 0L;
        var read = Stopwatch.StartNew();
        await foreach (var e in store.ReadAllAsync(new EventQuery()))
        {
            if (++count % 100_000 == 0)
            {
                // Live heap after a full collection: what the read holds on to, not garbage waiting for the collector.
                live.Add(GC.GetTotalMemory(true));
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
            }
        }

        static string MiB(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine(
            $"streaming read: {count:N0} of {head:N0} events in {read.Elapsed.TotalSeconds:F1} s = {count / read.Elapsed.TotalSeconds:N0} events/s; " +
            $"live heap {MiB(before)} MiB before, {string.Join(" / ", live.Select(MiB))} MiB every 100,000 events; peak working set {MiB(peakWorkingSet)} MiB");
    }

    private static async Task<int> AppendBatchAsync(PostgresEventStore store, string stream, int writer, long iteration, int count)
    {
        await using var session = store.OpenSession();
        session.Append(stream, Enumerable.Range(0, count).Select(n => (object)new Tick(writer, iteration, n)).ToArray());
        await session.SaveChangesAsync();
        return count;
    }

    /// <summary>
    /// Warms every variant up (JIT, pooled connections, plan caches), then measures them in three interleaved rounds and
    /// returns each one's median rate, so that drifting load from other processes hits all variants alike.
    /// </summary>
    private static async Task<double[]> CompareAsync(TimeSpan duration, params Func<int, long, Task<int>>[] variants)
    {
        foreach (var variant in variants)
        {
            await MeasureAsync(duration / 6, variant);
        }

        var rates = variants.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < 3; round++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                rates[v].Add(await MeasureAsync(duration / 3, variants[v]));
            }
        }

        return rates.Select(r => r.Order().ElementAt(1)).ToArray();
    }

    private static async Task<double> MeasureAsync(TimeSpan duration, Func<int, long, Task<int>> write)
    {
        var events = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (long i = 0; clock.Elapsed < duration; i++)
            {
                Interlocked.Add(ref events, await write(w, i));
            }
        })));
        return events / clock.Elapsed.TotalSeconds;
    }

    private static void Report(string what, double rate, double? baseline) =>
        Console.WriteLine(baseline is { } b ? $"{what}: {rate:N0} events/s = {rate / b:P0} of bare" : $"{what}: {rate:N0} events/s");

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
