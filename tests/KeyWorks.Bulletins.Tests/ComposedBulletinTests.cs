using System.Text.RegularExpressions;
using KeyWorks.Bulletins.Composing;
using KeyWorks.Bulletins.Html;
using KeyWorks.Bulletins.Model;
using KeyWorks.Domain;
using KeyWorks.Domain.Demo;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.ReadModels;

namespace KeyWorks.Bulletins.Tests;

/// <summary>The demo programme, run in memory once for the tests of a class.</summary>
public sealed class DemoHistory
{
    public DemoHistory()
    {
        var run = CommandRun.Execute(DemoProgramme.Commands());
        Assert.Empty(run.Rejections);
        Envelopes = run.Envelopes;
        State = run.State;
    }

    public IReadOnlyList<EventEnvelope> Envelopes { get; }

    public DomainState State { get; }
}

public sealed class composed_demo_bulletin(PrinterFixture printer, DemoHistory demo) : IClassFixture<PrinterFixture>, IClassFixture<DemoHistory>
{
    private static readonly YearMonth October = new(2026, 10);

    [Fact]
    public void cutoff_is_the_end_of_the_month_in_china_time()
    {
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero), BulletinComposer.Cutoff(October));
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), BulletinComposer.Cutoff(new YearMonth(2026, 12)));
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 16, 0, 0, TimeSpan.Zero), BulletinComposer.Cutoff(new YearMonth(2027, 2)));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    public async Task printed_bulletin_has_every_section_with_figures_computed_from_the_events(int monthNumber)
    {
        var month = new YearMonth(2026, monthNumber);
        var cutoff = BulletinComposer.Cutoff(month);
        var recorded = demo.Envelopes.Where(e => e.RecordedAt <= cutoff).ToList();
        var composed = Compose(demo.Envelopes, month, monthNumber);

        var pdfPath = await PdfTools.SaveAsync($"demo-2026-{monthNumber:D2}", await Print(composed));
        var text = Regex.Replace(await PdfTools.TextAsync(pdfPath), @"\s+", "");
        await PdfTools.PageImageAsync(pdfPath, 1);

        // Figures computed here from the events themselves: the last confirmed amount of each project's month.
        var confirmed = new Dictionary<(string Project, YearMonth Month), decimal>();
        foreach (var e in recorded.Select(e => e.Event))
        {
            switch (e)
            {
                case InvestmentReportConfirmed c:
                    confirmed[(c.ProjectId, c.Month)] = c.CompletedInMonth;
                    break;
                case InvestmentCorrected { Official: true } c:
                    confirmed[(c.ProjectId, c.Month)] = c.CompletedInMonth;
                    break;
            }
        }

        var projects = recorded.Select(e => e.Event).OfType<ProjectRegistered>().Count(p => p.ProgrammeId == DemoProgramme.ProgrammeId);
        var thisMonth = confirmed.Where(c => c.Key.Month == month).Sum(c => c.Value);
        var yearToDate = confirmed.Where(c => c.Key.Month.Year == 2026 && c.Key.Month <= month).Sum(c => c.Value);
        var monthStart = new DateTimeOffset(2026, monthNumber, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var monthEnd = monthStart.AddMonths(1);
        var raised = recorded.Select(e => e.Event).OfType<ProblemRaised>().Count(p => p.RaisedAt >= monthStart && p.RaisedAt < monthEnd);
        var lastCloseOrReopen = new Dictionary<string, DateTimeOffset?>();
        foreach (var e in recorded.Select(e => e.Event))
        {
            if (e is ProblemClosed c) lastCloseOrReopen[c.ProblemId] = c.ClosedAt;
            if (e is ProblemReopened r) lastCloseOrReopen[r.ProblemId] = null;
        }

        var closed = lastCloseOrReopen.Values.Count(t => t >= monthStart && t < monthEnd);

        Assert.True(thisMonth > 0, "the demo confirms the month's reports before the cutoff");
        Assert.True(monthNumber != 9 || raised == 2, "two problems were raised in September (p-17, p-24)");
        Assert.Contains("示范高新区重点项目建设指挥部办公室", text, StringComparison.Ordinal);
        Assert.Contains("“三十工程”项目建设进展月通报", text, StringComparison.Ordinal);
        Assert.Contains($"2026年第{monthNumber}期", text, StringComparison.Ordinal);
        Assert.Contains($"数据截至2026年{monthNumber}月{month.LastDay.Day}日24:00", text, StringComparison.Ordinal);
        Assert.Contains($"共安排重点项目{projects}个", text, StringComparison.Ordinal);
        Assert.Contains($"{monthNumber}月完成投资{BulletinFormat.Money(thisMonth)}", text, StringComparison.Ordinal);
        Assert.Contains($"1—{monthNumber}月累计完成投资{BulletinFormat.Money(yearToDate)}", text, StringComparison.Ordinal);
        Assert.Contains($"本月新交办问题{raised}个，办结销号{closed}个", text, StringComparison.Ordinal);
        Assert.Contains("较上月", text, StringComparison.Ordinal);
        foreach (var section in new[] { "总体进展", "问题清单", "分类", "排名", "节点", "滞后" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        // Next month's nodes: deadlines in force at the cutoff falling in the next month, not reached by the month's end.
        var deadlines = new Dictionary<(string Project, string Node), DateOnly>();
        var reached = new Dictionary<(string Project, string Node), DateOnly>();
        foreach (var e in recorded.Select(e => e.Event))
        {
            if (e is NodePlanned planned) deadlines[(planned.ProjectId, planned.NodeId)] = planned.PlannedDate;
            if (e is NodeReplanned replanned) deadlines[(replanned.ProjectId, replanned.NodeId)] = replanned.NewDate;
            if (e is NodeReportConfirmed confirmedNode) reached[(confirmedNode.ProjectId, confirmedNode.NodeId)] = confirmedNode.ReachedOn;
        }

        var next = month.AddMonths(1);
        var upcoming = deadlines.Count(d => YearMonth.Of(d.Value) == next
            && !(reached.TryGetValue(d.Key, out var on) && on <= month.LastDay));
        Assert.Equal(upcoming, composed.Document.NextMonthNodes.Count);
        Assert.Contains(upcoming == 0 ? "下月无计划完成的节点" : $"下月应完成节点{upcoming}个", text, StringComparison.Ordinal);

        var problems = composed.Document.Problems;
        Assert.Equal(recorded.Select(e => e.Event).OfType<ProblemRaised>().Count(), problems.RaisedTotal);
        Assert.Equal(problems.RaisedTotal - problems.ClosedTotal, problems.Open.Count);
        Assert.Contains($"累计交办问题{problems.RaisedTotal}个", text, StringComparison.Ordinal);

        Assert.Equal(projects, composed.Document.Projects.Count);
        Assert.Contains(composed.Document.UnitRanking, u => u.Flag == RankingFlag.Red);
        Assert.Contains(composed.Document.UnitRanking, u => u.Flag == RankingFlag.Black);
        Assert.NotEmpty(composed.Document.LaggingProjects);
        Assert.All(composed.Document.LaggingProjects, l => Assert.NotEmpty(l.Reason));
        Assert.All(
            composed.Document.LaggingProjects.Where(l => l.Gap < 0),
            l => Assert.Contains($"慢于序时进度{BulletinFormat.Points(l.Gap)}个百分点", text, StringComparison.Ordinal));
        Assert.NotEmpty(composed.Document.Nodes.DueThisMonth);
        Assert.All(composed.Document.NextMonthNodes, n => Assert.Equal(monthNumber + 1, n.Deadline.Month));
    }

    [Fact]
    public void the_same_month_composes_identically_whether_later_events_exist_or_not()
    {
        var cutoff = BulletinComposer.Cutoff(October);
        var untilCutoff = demo.Envelopes.Where(e => e.RecordedAt <= cutoff).ToList();
        Assert.True(untilCutoff.Count < demo.Envelopes.Count, "the demo records events after October's cutoff");

        var renderer = new BulletinHtmlRenderer();
        var now = Compose(demo.Envelopes, October, 10);
        var then = Compose(untilCutoff, October, 10);

        Assert.Equal(renderer.Render(then.Document).Html, renderer.Render(now.Document).Html);
    }

    [Fact]
    public async Task a_correction_recorded_after_the_cutoff_appears_in_the_next_months_revisions()
    {
        // Given October's bulletin printed with 紫荆大道's October amount
        var october = Compose(demo.Envelopes, October, 10);
        var printed = demo.State.Projects["zjdd"].Investment[October].ConfirmedInMonth!.Value;
        Assert.Contains(october.Document.Projects, p => p.Id == "zjdd");

        // When the office corrects it after October's cutoff
        var correctedAt = new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.FromHours(8));
        var office = Actor.Office("office-test", "测试员");
        var correction = CommandRun.Execute(
            [new IssuedCommand(new CorrectInvestment("zjdd", October, printed + 1_230_000m, "统计口径调整"), office, correctedAt)],
            demo.State, demo.Envelopes[^1].Position);
        Assert.Empty(correction.Rejections);
        var history = demo.Envelopes.Concat(correction.Envelopes).ToList();

        // Then November's bulletin lists it as a revision of issue 10, and October's bulletin is unchanged
        var november = Compose(history, new YearMonth(2026, 11), 11);
        var revision = Assert.Single(november.Document.Revisions, r => r.ProjectName.StartsWith("紫荆大道", StringComparison.Ordinal));
        Assert.Equal("2026年第10期", revision.OriginalIssue);
        Assert.Equal("10月完成投资", revision.Subject);
        Assert.Equal(BulletinFormat.Money(printed), revision.Previous);
        Assert.Equal(BulletinFormat.Money(printed + 1_230_000m), revision.Corrected);
        Assert.Equal(new DateOnly(2026, 11, 21), revision.RecordedOn);
        Assert.Equal("统计口径调整", revision.Reason);

        var renderer = new BulletinHtmlRenderer();
        Assert.Equal(renderer.Render(october.Document).Html, renderer.Render(Compose(history, October, 10).Document).Html);

        var text = Regex.Replace(await PdfTools.TextAsync(await PdfTools.SaveAsync("demo-2026-11", await Print(november))), @"\s+", "");
        Assert.Contains("统计口径调整", text, StringComparison.Ordinal);
    }

    [Fact]
    public void nodes_replanned_later_between_two_cutoffs_are_the_months_slips()
    {
        var total = 0;
        for (var m = 2; m <= 11; m++)
        {
            var month = new YearMonth(2026, m);
            var from = BulletinComposer.Cutoff(month.AddMonths(-1));
            var to = BulletinComposer.Cutoff(month);
            var replanned = demo.Envelopes
                .Where(e => e.RecordedAt > from && e.RecordedAt <= to)
                .Select(e => e.Event).OfType<NodeReplanned>()
                .Where(r => r.NewDate > r.PreviousDate)
                .Select(r => (r.ProjectId, r.NodeId))
                .Distinct()
                .ToList();

            var slips = Compose(demo.Envelopes, month, m).Document.Nodes.Slips;

            Assert.Equal(replanned.Count, slips.Count);
            Assert.All(slips, s => Assert.True(s.DaysSlipped > 0));
            Assert.All(slips, s => Assert.NotEmpty(s.Reason));
            total += slips.Count;
        }

        Assert.True(total > 0, "the demo re-plans nodes");
    }

    [Fact]
    public async Task leaders_variant_puts_the_leaders_projects_first()
    {
        var leader = demo.State.Projects["zjdd"].Responsibility!.LeaderName;
        var composed = Compose(demo.Envelopes, October, 10, leader);
        Assert.Equal(leader, composed.Options.LeaderFirst);
        var text = await PdfTools.TextAsync(await PdfTools.SaveAsync("demo-2026-10-leader", await Print(composed)));
        Assert.Contains($"本版为{leader}同志分包项目优先版", Regex.Replace(text, @"\s+", ""), StringComparison.Ordinal);
    }

    private static ComposedBulletin Compose(IReadOnlyList<EventEnvelope> history, YearMonth month, int issue, string? leader = null)
    {
        var cutoff = BulletinComposer.Cutoff(month);
        var previousCutoff = BulletinComposer.Cutoff(month.AddMonths(-1));
        return BulletinComposer.Compose(
            new BulletinRequest(DemoProgramme.ProgrammeId, month, issue, leader),
            KeyWorksReadModel.AsOf(history, cutoff),
            KeyWorksReadModel.AsOf(history, previousCutoff),
            [.. history.Where(e => e.RecordedAt > previousCutoff && e.RecordedAt <= cutoff)]);
    }

    private async Task<byte[]> Print(ComposedBulletin composed) =>
        await printer.Printer.PrintAsync(new BulletinHtmlRenderer().Render(composed.Document, composed.Options), TestContext.Current.CancellationToken);
}
