using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using KeyWorks.Domain;
using KeyWorks.Domain.Demo;
using KeyWorks.EventStore.LocalCluster;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Hosting;

/// <summary>The default run loads the demo programme into its store through the command service, once.</summary>
public sealed class loading_the_demo_at_start(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"keyworks-demo-test-{Guid.NewGuid():N}");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly int DemoEvents = CommandRun.Execute(DemoProgramme.Commands()).Envelopes.Count;

    [Fact]
    public async Task the_default_run_loads_the_demo_programme_after_health_is_up_and_not_again_on_the_next_start()
    {
        var clock = Stopwatch.StartNew();
        await using (var server = ServerProcess.Start(new Dictionary<string, string> { ["KEYWORKS_DATA"] = _data }))
        {
            Assert.True(await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), Cancellation), $"{server.Output}\n{server.Errors}");
            var loaded = await WaitForDemoAsync(server, "loaded", TimeSpan.FromMinutes(3));
            TestContext.Current.SendDiagnosticMessage($"cold start to demo loaded: {clock.Elapsed.TotalSeconds:F1} s");

            Assert.Equal(DemoEvents, loaded.GetProperty("events").GetInt64());
            Assert.Contains("Demo programme loaded: ", server.Output, StringComparison.Ordinal);
            Assert.Contains(" 0 rejected", server.Output, StringComparison.Ordinal);
            await server.SignalAsync("INT", Cancellation);
            Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(20), Cancellation));
        }

        await using var again = ServerProcess.Start(new Dictionary<string, string> { ["KEYWORKS_DATA"] = _data });
        Assert.True(await again.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), Cancellation), again.Errors);
        var skipped = await WaitForDemoAsync(again, "skipped", TimeSpan.FromSeconds(60));
        Assert.Equal(DemoEvents, skipped.GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task with_a_connection_string_the_demo_is_not_loaded_unless_asked()
    {
        await using var server = ServerProcess.Start(new Dictionary<string, string> { ["KEYWORKS_DB"] = database.ConnectionString });
        Assert.True(await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), Cancellation), server.Errors);

        var health = await HealthAsync(server);
        Assert.Equal("off", health.GetProperty("demo").GetProperty("state").GetString());
        Assert.Equal(0, health.GetProperty("events").GetInt64());
    }

    private static async Task<JsonElement> WaitForDemoAsync(ServerProcess server, string state, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var health = await HealthAsync(server);
            var now = health.GetProperty("demo").GetProperty("state").GetString();
            if (now == state)
            {
                return health;
            }

            Assert.True(now is "waiting" or "loading" && deadline.Elapsed < within, $"demo {now}, not {state}:\n{server.Output}\n{server.Errors}");
            await Task.Delay(500, Cancellation);
        }
    }

    private static async Task<JsonElement> HealthAsync(ServerProcess server)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        return await client.GetFromJsonAsync<JsonElement>("health", Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        var pidFile = Path.Combine(_data, "postgres", "pgdata", "postmaster.pid");
        if (File.Exists(pidFile))
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
