using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using KeyWorks.Bulletins.Drafting;
using KeyWorks.Bulletins.Storing;
using KeyWorks.Domain.Demo;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Bulletins;

/// <summary>
/// "Two server processes on one database draft the monthly bulletin exactly once": two real servers, clustered Quartz,
/// the monthly trigger firing on the servers' clock; and the server printing a draft killed with SIGKILL mid-print.
/// </summary>
[Collection(BulletinClusterRuns.Name)]
public sealed class drafting_on_two_servers(PostgresClusterFixture cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task two_servers_on_one_database_draft_the_monthly_bulletin_once_when_the_trigger_fires_and_both_list_it()
    {
        await using var nodes = await BulletinCluster.StartAsync(cluster, BulletinCluster.FireAt - BulletinCluster.Lead);
        Assert.True(nodes.ClockNow < BulletinCluster.FireAt,
            $"the servers were ready only at {nodes.ClockNow:O}, after the firing; give them a longer lead\n{nodes.Outputs}");
        Assert.Equal(BulletinCluster.FireAt, await nodes.NextMonthlyFiringAsync());
        Assert.Equal(0, await nodes.Bulletins.CountAsync(null, Ct));

        await nodes.WaitForAsync("drafted", async () =>
            (await nodes.Bulletins.ListAsync(null, 0, 10, Ct)).Any(b => b.Status == BulletinStatus.Drafted) ? "drafted" : null,
            BulletinCluster.Lead + TimeSpan.FromSeconds(60));
        TestContext.Current.TestOutputHelper?.WriteLine($"drafted at {nodes.ClockNow:O} on the servers' clock");
        await nodes.WaitForAsync("quiet (trigger moved on, nothing firing or scheduled)", async () => await nodes.IsQuietAsync() ? "quiet" : null,
            TimeSpan.FromSeconds(30));

        var run = Assert.Single(await nodes.Bulletins.ListAsync(null, 0, 10, Ct));
        var month = BulletinRequests.LatestClosedMonth(BulletinCluster.FireAt);
        Assert.Equal((DemoProgramme.ProgrammeId, month, BulletinOrigin.Schedule, null, BulletinStatus.Drafted, 1, null),
            (run.ProgrammeId, run.Month, run.Origin, run.LeaderId, run.Status, run.Attempts, run.Failure));
        // Queued by the firing at 08:00 on the servers' clock, not before it.
        Assert.InRange(run.QueuedAt, BulletinCluster.FireAt, BulletinCluster.FireAt + TimeSpan.FromSeconds(30));
        await AssertOnePdfAsync(nodes, run);
        Assert.Single(nodes.Nodes, n => n.Output.Contains($"Bulletin {run.Id} (", StringComparison.Ordinal));

        var lists = new List<JsonElement>();
        foreach (var node in nodes.Nodes)
        {
            lists.Add(await BulletinCluster.BulletinsOnAsync(node));
        }

        Assert.Equal(lists[0].ToString(), lists[1].ToString());
        AssertListed(lists[0], run);
    }

    [Fact]
    public async Task the_server_killed_mid_print_has_its_draft_recovered_by_the_other_and_drafted_once()
    {
        // An hour after the monthly firing (nothing fires during the test), the office asks the first server for a draft.
        await using var nodes = await BulletinCluster.StartAsync(cluster, BulletinCluster.FireAt + TimeSpan.FromHours(1));
        var month = BulletinRequests.LatestClosedMonth(nodes.ClockNow);
        var id = await BulletinCluster.GenerateOnAsync(nodes.Nodes[0], month);

        // Mid-draft: the run is being printed (progress 50) and one server has started Chromium for it.
        var (drafting, printing) = await nodes.WaitForAsync("printing on one server", async () =>
            (await nodes.Bulletins.ListAsync(null, 0, 10, Ct)).SingleOrDefault(b => b is { Status: BulletinStatus.Running, Progress: >= 50 }) is { } run
            && nodes.Nodes.Where(n => ProcessTree.HasChromium(n.ProcessId)).ToList() is [var node]
                ? Tuple.Create(node, run)
                : null,
            TimeSpan.FromSeconds(60));
        Assert.Contains(printing.Id.ToString(), id, StringComparison.Ordinal);
        var killedAt = System.Diagnostics.Stopwatch.StartNew();
        nodes.KilledChildren.AddRange(ProcessTree.Descendants(drafting.ProcessId));
        await drafting.SignalAsync("KILL", Ct);
        Assert.True(await drafting.WaitForExitAsync(TimeSpan.FromSeconds(10), Ct), "the killed server is still running");
        var atKill = await nodes.Bulletins.GetAsync(printing.Id, Ct);
        Assert.True(atKill is { Status: BulletinStatus.Running, Attempts: 1 }, $"the draft was not interrupted: {atKill}");
        var survivor = Assert.Single(nodes.Nodes, n => n != drafting);

        var drafted = await nodes.WaitForAsync("recovered and drafted", async () =>
            await nodes.Bulletins.GetAsync(printing.Id, Ct) is { Status: BulletinStatus.Drafted } run ? run : null, TimeSpan.FromSeconds(60));
        TestContext.Current.TestOutputHelper?.WriteLine($"drafted by the other server {killedAt.Elapsed:g} after the kill");
        await nodes.WaitForAsync("quiet, the dead server's check-in gone", async () =>
            await nodes.IsQuietAsync() && await nodes.CountAsync("SELECT count(*) FROM keyworks.qrtz_scheduler_state") == 1 ? "quiet" : null,
            TimeSpan.FromSeconds(30));

        var run = Assert.Single(await nodes.Bulletins.ListAsync(null, 0, 10, Ct));
        Assert.Equal(drafted.Id, run.Id);
        // The interrupted attempt and the recovered one, on one row that ends drafted: no stale "running", no second run.
        Assert.Equal((BulletinStatus.Drafted, 2, null, 100), (run.Status, run.Attempts, run.Failure, run.Progress));
        Assert.Equal((month, BulletinOrigin.Request), (run.Month, run.Origin));
        await AssertOnePdfAsync(nodes, run);
        Assert.Contains($"Bulletin {run.Id} (", survivor.Output, StringComparison.Ordinal);
        AssertListed(await BulletinCluster.BulletinsOnAsync(survivor), run);
    }

    private static async Task AssertOnePdfAsync(BulletinCluster nodes, StoredBulletin run)
    {
        Assert.Equal(1, await nodes.CountAsync("SELECT count(*) FROM keyworks.bulletin_pdfs"));
        var pdf = await nodes.Bulletins.ReadPdfAsync(run.Id, Ct);
        Assert.NotNull(pdf);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Equal(run.ContentHash, Convert.ToHexStringLower(SHA256.HashData(pdf)));
    }

    private static void AssertListed(JsonElement list, StoredBulletin run)
    {
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        var listed = Assert.Single(list.GetProperty("nodes").EnumerateArray());
        Assert.Contains(run.Id.ToString(), listed.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("DRAFTED", listed.GetProperty("status").GetString());
        Assert.Equal(run.Month.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), listed.GetProperty("month").GetString());
        Assert.Equal(run.Attempts, listed.GetProperty("attempts").GetInt32());
        Assert.Equal(run.ContentHash, listed.GetProperty("contentHash").GetString());
    }
}
