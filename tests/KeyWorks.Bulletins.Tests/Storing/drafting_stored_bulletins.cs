using System.Security.Cryptography;
using System.Text.RegularExpressions;
using KeyWorks.Bulletins.Drafting;
using KeyWorks.Bulletins.Model;
using KeyWorks.Bulletins.Storing;
using KeyWorks.Domain;
using KeyWorks.Domain.Demo;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Projects;
using KeyWorks.Testing;

namespace KeyWorks.Bulletins.Tests.Storing;

public sealed class drafting_stored_bulletins(PostgresClusterFixture cluster, PrinterFixture printer) : IClassFixture<PrinterFixture>
{
    private static readonly DateOnly October = new(2026, 10, 15);

    /// <summary>After November's cutoff (2026-11-30 24:00 +08:00), so November may be drafted.</summary>
    private static readonly ManualClock AfterNovemberCutoff = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>After October's cutoff and the demo's last event (21 November), before November's cutoff.</summary>
    private static readonly DateTimeOffset LateInNovember = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_drafted_bulletin_is_stored_with_its_hash_page_count_and_every_section_with_figures_from_the_events()
    {
        await using var db = await DemoDatabase.CreateAsync(cluster, Ct);
        var (requests, drafter, _) = Services(db, SuiteClock.Time);

        var queued = await requests.GenerateAsync(DemoProgramme.ProgrammeId, October, null, "office-zhou", "draft-oct", Ct);
        Assert.Equal(BulletinStatus.Queued, queued.Status);
        var drafted = await drafter.DraftAsync(queued.Id, Ct);

        Assert.NotNull(drafted);
        Assert.Equal(BulletinStatus.Drafted, drafted.Status);
        Assert.Equal((100, 1, 10), (drafted.Progress, drafted.Attempts, drafted.Issue));
        Assert.True(drafted.DurationMs > 0 && drafted.FinishedAt >= drafted.StartedAt);
        var pdf = (await db.Bulletins.ReadPdfAsync(drafted.Id, Ct))!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), drafted.ContentHash);
        var path = await PdfTools.SaveAsync("stored-2026-10", pdf);
        Assert.Equal(await PdfTools.PageCountAsync(path), drafted.PageCount);

        // Figures computed here from the stored events recorded up to the cutoff: the last confirmed amount per month.
        var recorded = await drafter.ReadSnapshotAsync(drafted.Cutoff, Ct);
        var confirmed = new Dictionary<(string, YearMonth), decimal>();
        foreach (var e in recorded.Select(e => e.Event))
        {
            if (e is InvestmentReportConfirmed c) confirmed[(c.ProjectId, c.Month)] = c.CompletedInMonth;
            if (e is InvestmentCorrected { Official: true } k) confirmed[(k.ProjectId, k.Month)] = k.CompletedInMonth;
        }

        var month = new YearMonth(2026, 10);
        var projects = recorded.Select(e => e.Event).OfType<ProjectRegistered>().Count(p => p.ProgrammeId == DemoProgramme.ProgrammeId);
        var raisedTotal = recorded.Select(e => e.Event).OfType<ProblemRaised>().Count();
        var text = Regex.Replace(await PdfTools.TextAsync(path), @"\s+", "");
        Assert.Contains(drafted.Title, text, StringComparison.Ordinal);
        Assert.Contains("2026年第10期", text, StringComparison.Ordinal);
        Assert.Contains($"共安排重点项目{projects}个", text, StringComparison.Ordinal);
        Assert.Contains($"10月完成投资{BulletinFormat.Money(confirmed.Where(c => c.Key.Item2 == month).Sum(c => c.Value))}", text, StringComparison.Ordinal);
        Assert.Contains($"1—10月累计完成投资{BulletinFormat.Money(confirmed.Where(c => c.Key.Item2.Year == 2026 && c.Key.Item2 <= month).Sum(c => c.Value))}",
            text, StringComparison.Ordinal);
        Assert.Contains($"累计交办问题{raisedTotal}个", text, StringComparison.Ordinal);
        foreach (var section in new[] { "总体进展", "分类", "排名", "节点", "滞后", "问题清单", "下月", "工作建议", "第1页共" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        // The same key answers with the same run and queues nothing more.
        var again = await requests.GenerateAsync(DemoProgramme.ProgrammeId, October, null, "office-zhou", "draft-oct", Ct);
        Assert.Equal(queued.Id, again.Id);
        Assert.Equal(1, await db.Bulletins.CountAsync(DemoProgramme.ProgrammeId, Ct));
        // A run already drafted is not drafted twice (a job fired again does nothing).
        Assert.Null(await drafter.DraftAsync(queued.Id, Ct));
    }

    [Fact]
    public async Task drafting_a_month_again_after_late_reports_gives_the_same_figures_and_the_next_issue_lists_the_revisions()
    {
        await using var db = await DemoDatabase.CreateAsync(cluster, Ct);
        var (requests, drafter, _) = Services(db, AfterNovemberCutoff);
        var first = await DraftTextAsync(db, requests, drafter, October, "oct-1");

        var late = await LateReports.RecordAsync(db, new YearMonth(2026, 10), LateInNovember, Ct);

        var second = await DraftTextAsync(db, requests, drafter, October, "oct-2");
        Assert.Equal(first, second);
        Assert.DoesNotContain(late.Reason, second, StringComparison.Ordinal);

        var november = await DraftTextAsync(db, requests, drafter, new DateOnly(2026, 11, 1), "nov-1");
        Assert.Contains("数据更正说明", november, StringComparison.Ordinal);
        Assert.Contains($"{BulletinFormat.Money(late.OldAmount)}{BulletinFormat.Money(late.NewAmount)}", november, StringComparison.Ordinal);
        Assert.Contains(late.Reason, november, StringComparison.Ordinal);
        Assert.Contains($"未完成{BulletinFormat.Date(new DateOnly(2026, 10, 31))}", november, StringComparison.Ordinal);
        Assert.Contains($"未确认{BulletinFormat.Percent(late.ProgressPercent / 100m)}", november, StringComparison.Ordinal);

        // The rows themselves (the PDF wraps names within their cells), from the stored run's own snapshot.
        var run = (await db.Bulletins.FindByKeyAsync("nov-1", Ct))!;
        var revisions = BulletinDrafter.Compose(run, await drafter.ReadSnapshotAsync(run.Cutoff, Ct), null).Document.Revisions
            .Select(r => (r.OriginalIssue, r.ProjectName, r.Subject, r.Previous, r.Corrected)).ToList();
        Assert.Contains(("2026年第10期", late.InvestmentProject, "10月完成投资", BulletinFormat.Money(late.OldAmount), BulletinFormat.Money(late.NewAmount)), revisions);
        Assert.Contains(("2026年第10期", late.NodeProject, $"{late.NodeName}完成时间", "未完成", BulletinFormat.Date(new DateOnly(2026, 10, 31))), revisions);
        Assert.Contains(("2026年第10期", late.ProgressProject, "10月形象进度", "未确认", BulletinFormat.Percent(late.ProgressPercent / 100m)), revisions);
    }

    [Fact]
    public async Task requests_for_a_future_month_an_open_month_a_month_without_data_or_an_unknown_programme_are_refused_and_write_nothing()
    {
        await using var db = await DemoDatabase.CreateAsync(cluster, Ct);
        var (requests, _, queue) = Services(db, SuiteClock.Time);
        var today = SuiteClock.Today;

        async Task<string> Refusal(string programme, DateOnly month, string? leader = null) =>
            (await Assert.ThrowsAsync<BulletinRequestException>(() =>
                requests.GenerateAsync(programme, month, leader, "office-zhou", null, Ct))).Code;

        Assert.Equal(BulletinRequestException.MonthInFuture, await Refusal(DemoProgramme.ProgrammeId, today.AddMonths(1)));
        Assert.Equal(BulletinRequestException.MonthNotClosed, await Refusal(DemoProgramme.ProgrammeId, today));
        Assert.Equal(BulletinRequestException.NoData, await Refusal(DemoProgramme.ProgrammeId, new DateOnly(2025, 6, 1)));
        Assert.Equal(BulletinRequestException.ProgrammeNotFound, await Refusal("no-such-programme", October));
        Assert.Equal(BulletinRequestException.LeaderNotFound, await Refusal(DemoProgramme.ProgrammeId, October, "leader-nobody"));
        Assert.Equal(0, await db.Bulletins.CountAsync(null, Ct));
        Assert.Empty(queue.Queued);
    }

    [Fact]
    public async Task a_repeated_request_whose_first_node_died_before_scheduling_the_draft_schedules_it_on_the_node_that_answers()
    {
        await using var db = await DemoDatabase.CreateAsync(cluster, Ct);
        // The first node stored the run; what its queue holds died with it.
        var (dead, _, _) = Services(db, SuiteClock.Time);
        var first = await dead.GenerateAsync(DemoProgramme.ProgrammeId, October, null, "office-zhou", "repeat-after-crash", Ct);

        var (live, _, queue) = Services(db, SuiteClock.Time);
        var repeated = await live.GenerateAsync(DemoProgramme.ProgrammeId, October, null, "office-zhou", "repeat-after-crash", Ct);

        Assert.Equal(first.Id, repeated.Id);
        Assert.Equal([first.Id], queue.Queued);
        Assert.Equal(1, await db.Bulletins.CountAsync(null, Ct));
    }

    [Fact]
    public async Task publishing_freezes_the_draft_with_the_offices_recommendations_and_a_leaders_variant_puts_their_projects_first()
    {
        await using var db = await DemoDatabase.CreateAsync(cluster, Ct);
        var (requests, drafter, _) = Services(db, SuiteClock.Time);
        var leaderId = DemoPeople.Leaders.Keys.Order(StringComparer.Ordinal).First();
        var run = await requests.GenerateAsync(DemoProgramme.ProgrammeId, October, leaderId, "office-zhou", null, Ct);
        await drafter.DraftAsync(run.Id, Ct);
        const string advice = "一、加快征迁交地进度。\n二、督促滞后项目制定赶工计划。";

        var published = await requests.PublishAsync(run.Id, advice, "office-zhou", "publish-1", Ct);

        Assert.Equal((BulletinStatus.Published, true, "office-zhou"), (published.Status, published.Frozen, published.PublishedBy));
        var pdf = (await db.Bulletins.ReadPdfAsync(run.Id, Ct))!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), published.ContentHash);
        var text = Regex.Replace(await PdfTools.TextAsync(await PdfTools.SaveAsync("stored-2026-10-published", pdf)), @"\s+", "");
        Assert.Contains("一、加快征迁交地进度。", text, StringComparison.Ordinal);
        Assert.Contains("二、督促滞后项目制定赶工计划。", text, StringComparison.Ordinal);
        var leader = DemoPeople.Leaders[leaderId];
        Assert.Contains($"本版为{leader}同志分包项目优先版", text, StringComparison.Ordinal);
        Assert.Contains("★", text, StringComparison.Ordinal);

        Assert.Equal(published.PublishedAt, (await requests.PublishAsync(run.Id, advice, "office-zhou", "publish-1", Ct)).PublishedAt);
        var refused = await Assert.ThrowsAsync<BulletinRequestException>(() => requests.PublishAsync(run.Id, "改写", "office-sun", "publish-2", Ct));
        Assert.Equal(BulletinRequestException.AlreadyPublished, refused.Code);
        Assert.Equal(advice, (await db.Bulletins.GetAsync(run.Id, Ct))!.Recommendations);
    }

    private (BulletinRequests Requests, BulletinDrafter Drafter, QueuedOnly Queue) Services(DemoDatabase db, TimeProvider clock)
    {
        var drafter = new BulletinDrafter(db.Events, db.Bulletins, printer.Printer, clock);
        var queue = new QueuedOnly();
        return (new BulletinRequests(db.Events, db.Bulletins, drafter, queue, clock), drafter, queue);
    }

    private static async Task<string> DraftTextAsync(DemoDatabase db, BulletinRequests requests, BulletinDrafter drafter, DateOnly month, string key)
    {
        var run = await requests.GenerateAsync(DemoProgramme.ProgrammeId, month, null, "office-zhou", key, Ct);
        var drafted = (await drafter.DraftAsync(run.Id, Ct))!;
        var pdf = (await db.Bulletins.ReadPdfAsync(drafted.Id, Ct))!;
        return Regex.Replace(await PdfTools.TextAsync(await PdfTools.SaveAsync($"stored-{key}", pdf)), @"\s+", "");
    }
}
