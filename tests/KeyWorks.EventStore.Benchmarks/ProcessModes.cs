using System.Globalization;
using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Sessions;
using Npgsql;

namespace KeyWorks.EventStore.Benchmarks;

/// <summary>The child processes of the crash and fail-over tests.</summary>
public static class ProcessModes
{
    /// <summary>
    /// Appends until killed: 4 writers, each session 3 events to one stream and 2 to another, with the daemon running.
    /// After each acknowledged save a line "correlation first-position last-position" per stream goes to the log.
    /// </summary>
    public static async Task<int> WriterAsync(string connectionString, string schema, string ackFile)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var store = await PostgresEventStore.CreateAsync(dataSource, LoadStore.Options(schema));
        await using var daemon = store.CreateDaemon();
        await daemon.StartAsync(CancellationToken.None);
        await using var log = new StreamWriter(ackFile, append: true) { AutoFlush = true };
        var gate = new SemaphoreSlim(1);
        Console.WriteLine("writing");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (long i = 0; ; i++)
            {
                var correlation = $"w{w}-{i}";
                await using var session = store.OpenSession(new SessionMetadata("writer", correlation));
                session.Append($"s{random.Next(50)}", Enumerable.Range(0, 3).Select(n => (object)new Tick(w, i, n + 1)).ToArray());
                session.Append($"t{random.Next(50)}", ExpectedVersion.Any, null, [new Tick(w, i, 10), new Tick(w, i, 20)]);
                var results = await session.SaveChangesAsync();
                await gate.WaitAsync();
                try
                {
                    foreach (var r in results)
                    {
                        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{correlation} {r.StreamId} {r.FirstPosition} {r.LastPosition} {r.FirstVersion}"));
                    }
                }
                finally
                {
                    gate.Release();
                }
            }
        })));
        return 0;
    }

    /// <summary>Runs the daemon and prints "leader" / "follower" on every change of leadership until killed.</summary>
    public static async Task<int> DaemonAsync(string connectionString, string schema)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var store = await PostgresEventStore.CreateAsync(dataSource, LoadStore.Options(schema));
        await using var daemon = store.CreateDaemon();
        await daemon.StartAsync(CancellationToken.None);
        Console.WriteLine("started");
        var leader = false;
        while (true)
        {
            if (daemon.IsLeader != leader)
            {
                leader = daemon.IsLeader;
                Console.WriteLine(leader ? "leader" : "follower");
            }

            await Task.Delay(50);
        }
    }
}
