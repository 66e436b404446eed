using System.Diagnostics;
using KeyWorks.Bulletins.Drafting;
using KeyWorks.Bulletins.Printing;
using KeyWorks.Bulletins.Scheduling;
using KeyWorks.Bulletins.Storing;
using KeyWorks.Bulletins.Tests.Storing;
using KeyWorks.Domain.Demo;
using KeyWorks.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KeyWorks.Bulletins.Tests.Scheduling;

public sealed class running_bulletin_jobs(PostgresClusterFixture cluster, PrinterFixture printer) : IClassFixture<PrinterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Fast settings for tests: check-ins and polling every second, retries after one second.</summary>
    private static BulletinJobOptions Fast(string cron) => new()
    {
        Cron = cron,
        TimeZone = "Asia/Shanghai",
        PollInterval = TimeSpan.FromSeconds(1),
        CheckinInterval = TimeSpan.FromSeconds(1),
        MisfireThreshold = TimeSpan.FromSeconds(1),
        RetryDelay = TimeSpan.FromSeconds(1),
    };

    /// <summary>A cron expression that fires once, at the given second (China time) of today.</summary>
    private static string At(DateTimeOffset instant)
    {
        var china = instant.ToOffset(TimeSpan.FromHours(8));
        return $"{china.Second} {china.Minute} {china.Hour} {china.Day} {china.Month} ? {china.Year}";
    }

    [Fact]
    public async Task two_schedulers_on_one_database_draft_the_monthly_bulletin_exactly_once()
    {
        await using var db = await DemoDatabase.CreateAsync(cluster, Ct);
        var options = Fast(At(SuiteClock.Now.AddSeconds(10)));
        await using var first = await JobNode.StartAsync(db, printer.Printer, options);
        await using var second = await JobNode.StartAsync(db, printer.Printer, options);

        var drafted = await WaitForAsync(db, async () =>
            (await db.Bulletins.ListAsync(null, 0, 10, Ct)).Where(b => b.Status == BulletinStatus.Drafted).ToList() is { Count: > 0 } done ? done : null,
            TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3), Ct); // give a second firing every chance to show up

        var all = await db.Bulletins.ListAsync(null, 0, 10, Ct);
        var run = Assert.Single(all);
        Assert.Equal((BulletinOrigin.Schedule, 1, DemoProgramme.ProgrammeId), (run.Origin, run.Attempts, run.ProgrammeId));
        Assert.Equal(BulletinRequests.LatestClosedMonth(SuiteClock.Now), run.Month);
        Assert.Equal(2, await CountAsync(db, "SELECT count(*) FROM keyworks.qrtz_scheduler_state"));
        Assert.Single(drafted);
    }

    [Fact]
    public async Task a_scheduled_run_whose_node_died_before_scheduling_its_draft_is_drafted_when_the_firing_runs_again()
    {
        await using var db = await DemoDatabase.CreateAsync(cluster, Ct);
        // The firing's node stored the run and died before it scheduled the draft: the row alone, no trigger.
        var drafter = new BulletinDrafter(db.Events, db.Bulletins, printer.Printer, SuiteClock.Time);
        var dead = new BulletinRequests(db.Events, db.Bulletins, drafter, new QueuedOnly(), SuiteClock.Time);
        var queued = Assert.Single(await dead.QueueScheduledAsync(Ct));

        // The firing runs again on a live node (Quartz recovers a dead node's firing; here the trigger fires anew).
        await using var node = await JobNode.StartAsync(db, printer.Printer, Fast(At(SuiteClock.Now.AddSeconds(10))));
        var drafted = await WaitForAsync(db, async () => await db.Bulletins.GetAsync(queued.Id, Ct) is { Status: BulletinStatus.Drafted } r ? r : null,
            TimeSpan.FromSeconds(90));

        Assert.Single(await db.Bulletins.ListAsync(null, 0, 10, Ct));
        Assert.Equal((1, null), (drafted.Attempts, drafted.Failure));
    }

    [Fact]
    public async Task a_monthly_firing_missed_while_every_node_was_down_is_drafted_at_the_next_start()
    {
        await using var db = await DemoDatabase.CreateAsync(cluster, Ct);
        var fireAt = SuiteClock.Now.AddSeconds(8);
        var options = Fast(At(fireAt));
        await using (await JobNode.StartAsync(db, printer.Printer, options))
        {
            // The node keeps the monthly trigger in the store once started; it must be there before every node is down.
            await WaitForAsync(db, async () => await CountAsync(db, "SELECT count(*) FROM keyworks.qrtz_cron_triggers") > 0 ? "stored" : null,
                TimeSpan.FromSeconds(30));
        }

        Assert.True(SuiteClock.Now < fireAt, "the node stopped before the firing time");
        await Task.Delay(fireAt + TimeSpan.FromSeconds(3) - SuiteClock.Now, Ct); // the firing time and the misfire threshold pass while down
        Assert.Equal(0, await db.Bulletins.CountAsync(null, Ct));

        await using var restarted = await JobNode.StartAsync(db, printer.Printer, options);
        var run = await WaitForAsync(db, async () =>
            (await db.Bulletins.ListAsync(null, 0, 10, Ct)).SingleOrDefault(b => b.Status == BulletinStatus.Drafted), TimeSpan.FromSeconds(90));
        Assert.Equal(BulletinOrigin.Schedule, run.Origin);
    }

    [Fact]
    public async Task chromium_killed_mid_render_makes_the_job_retry_and_the_draft_succeed()
    {
        await using var db = await DemoDatabase.CreateAsync(cluster, Ct);
        var marker = $"--keyworks-test-printer={Guid.NewGuid():N}";
        var printerOptions = new PdfPrinterOptions();
        printerOptions.Arguments.Add(marker);
        await using var ownPrinter = new PdfPrinter(printerOptions);
        // A warm browser, as in a running server, so that it is Chromium (not its launch) the kill interrupts.
        await ownPrinter.PrintAsync(new PrintableDocument("<html><body><script>window.bulletinReady = true;</script></body></html>",
            new Dictionary<string, PageAsset>()), Ct);
        await using var node = await JobNode.StartAsync(db, ownPrinter, Fast("0 0 8 1 * ?"));
        var requests = node.Services.GetRequiredService<BulletinRequests>();

        var run = await requests.GenerateAsync(DemoProgramme.ProgrammeId, new DateOnly(2026, 10, 1), null, "office-zhou", "kill-test", Ct);
        // Progress 50 = the page is rendered and printing has started.
        await WaitForAsync(db, async () => await db.Bulletins.GetAsync(run.Id, Ct) is { Status: BulletinStatus.Running, Progress: >= 50 } r ? r : null,
            TimeSpan.FromSeconds(60), poll: TimeSpan.FromMilliseconds(20));
        var browsers = ChromiumProcesses(marker);
        Assert.Single(browsers);
        foreach (var pid in browsers)
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }

        var drafted = await WaitForAsync(db, async () => await db.Bulletins.GetAsync(run.Id, Ct) is { Status: BulletinStatus.Drafted } r ? r : null,
            TimeSpan.FromSeconds(90));
        Assert.Equal(2, drafted.Attempts);
        Assert.Null(drafted.Failure);
        Assert.NotNull(await db.Bulletins.ReadPdfAsync(run.Id, Ct));
    }

    private static async Task<T> WaitForAsync<T>(DemoDatabase db, Func<Task<T?>> probe, TimeSpan timeout, TimeSpan? poll = null) where T : class
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(250), Ct);
        }

        var runs = await db.Bulletins.ListAsync(null, 0, 10, Ct);
        throw new TimeoutException($"Not there after {timeout}: {string.Join("; ", runs.Select(r => $"{r.Status} {r.Attempts} {r.Failure}"))}");
    }

    private static async Task<long> CountAsync(DemoDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>The Chromium browser process started with the marker argument (its helpers die with it).</summary>
    private static List<int> ChromiumProcesses(string marker) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(folder => (Pid: int.TryParse(Path.GetFileName(folder), out var pid) ? pid : 0, Folder: folder))
            .Where(p => p.Pid > 0 && CommandLine(p.Folder) is { } line && line.Contains(marker, StringComparison.Ordinal) && !line.Contains("--type=", StringComparison.Ordinal))
            .Select(p => p.Pid)];

    private static string? CommandLine(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
