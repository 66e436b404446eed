using System.Diagnostics;
using KeyWorks.EventStore.LocalCluster;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Hosting;

/// <summary>The server as an operator runs it: a real process on its own private cluster.</summary>
public sealed class server_process_lifecycle : IAsyncDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"keyworks-server-test-{Guid.NewGuid():N}");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private ServerProcess StartOnPrivateCluster() => ServerProcess.Start(new Dictionary<string, string> { ["KEYWORKS_DATA"] = _data });

    private string PidFile => Path.Combine(_data, "postgres", "pgdata", "postmaster.pid");

    [Fact]
    public async Task starts_its_private_cluster_answers_health_and_stops_everything_on_ctrl_c()
    {
        var clock = Stopwatch.StartNew();
        await using var server = StartOnPrivateCluster();
        Assert.True(await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), Cancellation), $"not healthy within 30 s of a cold start:\n{server.Output}\n{server.Errors}");
        TestContext.Current.SendDiagnosticMessage($"cold start to healthy: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(File.Exists(PidFile), "the private cluster runs in the data folder");

        await server.SignalAsync("INT", Cancellation);
        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(20), Cancellation), "Ctrl-C stops the server");
        Assert.Equal(0, server.ExitCode);
        Assert.False(File.Exists(PidFile), "Ctrl-C stops the server's PostgreSQL too");
    }

    [Fact]
    public async Task after_kill_9_the_next_start_recovers_with_no_manual_step()
    {
        await using (var first = StartOnPrivateCluster())
        {
            Assert.True(await first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), Cancellation), first.Errors);
            await first.SignalAsync("KILL", Cancellation);
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(10), Cancellation));
        }

        var clock = Stopwatch.StartNew();
        await using var second = StartOnPrivateCluster();
        Assert.True(await second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(10), Cancellation), $"not healthy within 10 s after kill -9:\n{second.Output}\n{second.Errors}");
        TestContext.Current.SendDiagnosticMessage($"restart after kill -9 to healthy: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Contains("taken over after an unclean stop", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_warm_restart_is_healthy_within_10_seconds()
    {
        await using (var first = StartOnPrivateCluster())
        {
            Assert.True(await first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), Cancellation), first.Errors);
        }

        Assert.False(File.Exists(PidFile));
        await using var second = StartOnPrivateCluster();
        Assert.True(await second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(10), Cancellation), $"{second.Output}\n{second.Errors}");
    }

    [Fact]
    public async Task a_second_server_on_the_same_data_folder_or_port_refuses_in_one_line_and_leaves_the_first_alone()
    {
        await using var first = StartOnPrivateCluster();
        Assert.True(await first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), Cancellation), first.Errors);

        foreach (var (port, says) in new[] { ((int?)null, "in use by another KeyWorks process"), (first.Port, "already in use") })
        {
            await using var second = ServerProcess.Start(new Dictionary<string, string> { ["KEYWORKS_DATA"] = _data }, port);
            Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(30), Cancellation), "the second server gives up");
            Assert.Equal(2, second.ExitCode);
            var line = Assert.Single(second.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains(says, line, StringComparison.Ordinal);
        }

        Assert.True(await first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(5), Cancellation), "the first server and its cluster are untouched");
    }

    public async ValueTask DisposeAsync()
    {
        // A failed test may leave the cluster running: take it over and stop it before removing the folder.
        if (File.Exists(PidFile))
        {
            var leftover = await LocalPostgresCluster.StartAsync(new LocalClusterOptions { DataDirectory = Path.Combine(_data, "postgres") }, CancellationToken.None);
            await leftover.StopAsync(CancellationToken.None);
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
