using System.Diagnostics;
using KeyWorks.EventStore.LocalCluster;
using Npgsql;

namespace KeyWorks.EventStore.Tests.LocalCluster;

/// <summary>These tests start clusters of their own, beside the run's shared one.</summary>
public sealed class local_cluster_lifecycle : IAsyncDisposable
{
    private readonly List<string> _folders = [];
    private readonly List<LocalPostgresCluster> _started = [];

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"keyworks-cluster-test-{Guid.NewGuid():N}");
        _folders.Add(folder);
        return folder;
    }

    private static LocalClusterOptions Options(string folder) => new() { DataDirectory = folder, Durable = false, Database = "demo" };

    private async Task<LocalPostgresCluster> StartAsync(LocalClusterOptions options)
    {
        var cluster = await LocalPostgresCluster.StartAsync(options, TestContext.Current.CancellationToken);
        lock (_started)
        {
            _started.Add(cluster);
        }

        return cluster;
    }

    private static async Task<string> RoundTripAsync(string connectionString, string value)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS notes (text text NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using (var insert = new NpgsqlCommand("INSERT INTO notes VALUES ($1)", connection))
        {
            insert.Parameters.AddWithValue(value);
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var read = new NpgsqlCommand("SELECT string_agg(text, ',' ORDER BY text) FROM notes", connection);
        return (string)(await read.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task a_new_cluster_starts_keeps_a_row_and_stops()
    {
        var folder = NewFolder();
        var cluster = await StartAsync(Options(folder));
        Assert.False(cluster.Adopted);
        Assert.Equal("路基完成", await RoundTripAsync(cluster.ConnectionString, "路基完成"));
        await cluster.StopAsync(TestContext.Current.CancellationToken);

        Assert.False(File.Exists(Path.Combine(folder, "pgdata", "postmaster.pid")));
        await using var stopped = new NpgsqlConnection(cluster.ConnectionString + ";Timeout=2");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => stopped.OpenAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task a_second_start_reuses_the_cluster_and_its_data()
    {
        var folder = NewFolder();
        var first = await StartAsync(Options(folder));
        await RoundTripAsync(first.ConnectionString, "a");
        await first.StopAsync(TestContext.Current.CancellationToken);

        var second = await StartAsync(Options(folder));
        Assert.Equal("a,b", await RoundTripAsync(second.ConnectionString, "b"));
    }

    [Fact]
    public async Task two_clusters_run_side_by_side_without_clashing()
    {
        var startOne = StartAsync(Options(NewFolder()));
        var startTwo = StartAsync(Options(NewFolder()));
        var one = await startOne;
        var two = await startTwo;

        Assert.NotEqual(one.Port, two.Port);
        Assert.Equal("one", await RoundTripAsync(one.ConnectionString, "one"));
        Assert.Equal("two", await RoundTripAsync(two.ConnectionString, "two"));
    }

    [Fact]
    public async Task a_killed_cluster_leaves_a_stale_pid_file_that_the_next_start_recovers()
    {
        var folder = NewFolder();
        var first = await StartAsync(Options(folder));
        await RoundTripAsync(first.ConnectionString, "before the crash");
        var pidFile = Path.Combine(folder, "pgdata", "postmaster.pid");
        var pid = int.Parse(File.ReadLines(pidFile).First(), System.Globalization.CultureInfo.InvariantCulture);

        using (var postmaster = Process.GetProcessById(pid))
        {
            postmaster.Kill();
            await postmaster.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        first.Abandon(); // its owner goes down with it
        await WaitUntilNoBackendsRemainAsync(folder);
        Assert.True(File.Exists(pidFile), "a killed postmaster leaves its pid file behind");

        // Make the stale file as misleading as it gets: its pid now belongs to a live, unrelated process.
        var lines = File.ReadAllLines(pidFile);
        lines[0] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllLines(pidFile, lines);

        var second = await StartAsync(Options(folder));
        Assert.False(second.Adopted);
        Assert.Equal("after the crash,before the crash", await RoundTripAsync(second.ConnectionString, "after the crash"));
    }

    [Fact]
    public async Task a_cluster_left_running_by_a_dead_owner_is_adopted()
    {
        var folder = NewFolder();
        var first = await StartAsync(Options(folder));
        await RoundTripAsync(first.ConnectionString, "x");

        // The first owner "dies" without stopping it; the next start takes the running cluster over.
        first.Abandon();
        var second = await StartAsync(Options(folder));
        Assert.True(second.Adopted);
        Assert.Equal(first.Port, second.Port);
        Assert.Equal("x,y", await RoundTripAsync(second.ConnectionString, "y"));
    }

    [Fact]
    public async Task a_folder_whose_owner_is_alive_is_refused_and_its_cluster_left_alone()
    {
        var folder = NewFolder();
        var owner = await StartAsync(Options(folder));

        var error = await Assert.ThrowsAsync<LocalClusterException>(() => LocalPostgresCluster.StartAsync(Options(folder), TestContext.Current.CancellationToken));
        Assert.Contains("in use by another KeyWorks process", error.Message, StringComparison.Ordinal);
        Assert.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Equal("still here", await RoundTripAsync(owner.ConnectionString, "still here"));
    }

    [Fact]
    public async Task missing_binaries_give_a_one_line_instruction()
    {
        var error = await Assert.ThrowsAsync<LocalClusterException>(() => LocalPostgresCluster.StartAsync(
            Options(NewFolder()) with { BinDirectory = "/nonexistent" },
            TestContext.Current.CancellationToken));
        Assert.Contains("apt-get install -y postgresql", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static async Task WaitUntilNoBackendsRemainAsync(string folder)
    {
        // Backends notice their postmaster's death and exit on their own; wait for them so the test is deterministic.
        var pgData = Path.GetFullPath(Path.Combine(folder, "pgdata"));
        for (var i = 0; i < 100; i++)
        {
            var alive = Directory.GetDirectories("/proc")
                .Select(Path.GetFileName)
                .Where(n => int.TryParse(n, out _))
                .Any(n =>
                {
                    try
                    {
                        return new FileInfo($"/proc/{n}/cwd").LinkTarget?.TrimEnd('/') == pgData;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        return false;
                    }
                });
            if (!alive)
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Stop whatever a test left running (a failed one, or one that adopted or killed a cluster) before removing its folder.
        foreach (var cluster in _started)
        {
            await cluster.StopAsync(CancellationToken.None);
        }

        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
