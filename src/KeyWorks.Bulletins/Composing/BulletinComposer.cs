using KeyWorks.Bulletins.Html;
using KeyWorks.Bulletins.Model;
using KeyWorks.Domain;
using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.Rankings;
using KeyWorks.Domain.ReadModels;
using BulletinLight = KeyWorks.Bulletins.Model.StatusLight;
using BulletinNodeStatus = KeyWorks.Bulletins.Model.NodeStatus;
using BulletinStage = KeyWorks.Bulletins.Model.ProblemStage;
using DomainLight = KeyWorks.Domain.Figures.StatusLight;
using DomainNodeStatus = KeyWorks.Domain.Figures.NodeStatus;
using DomainStage = KeyWorks.Domain.Problems.ProblemStage;

namespace KeyWorks.Bulletins.Composing;

/// <summary>Which bulletin to compose: the programme, the month reported on, the issue number and an optional leader.</summary>
/// <param name="Leader">for the leader's variant (分包领导优先版): that leader's projects come first and are marked</param>
/// <param name="IssuedOn">the date printed on the bulletin; defaults to the cutoff's date</param>
public sealed record BulletinRequest(
    string ProgrammeId,
    YearMonth Month,
    int IssueNumber,
    string? Leader = null,
    DateOnly? IssuedOn = null,
    IReadOnlyList<string>? Recommendations = null);

/// <summary>A composed bulletin and the render options of its variant (office copy or a leader's).</summary>
public sealed record ComposedBulletin(BulletinDocument Document, BulletinRenderOptions Options);

/// <summary>
/// Maps the domain's read model, as of an issue's cutoff, to the bulletin model. Pure: the caller folds the events
/// recorded up to <see cref="Cutoff"/> (and up to the previous issue's cutoff, for the changes since last month).
/// </summary>
public static class BulletinComposer
{
    /// <summary>
    /// The cutoff of the bulletin for <paramref name="month"/>: the end of the month's last day, China time (UTC+8),
    /// i.e. 2026-10-31T24:00+08:00 for October 2026. Reports are due by the 25th of the month
    /// (<see cref="FigureOptions.ReportDueDay"/>), and the office confirms them before the month ends.
    /// Records made after the cutoff are not in the issue; late reports and corrections among them appear in the next
    /// issue as revisions.
    /// </summary>
    public static DateTimeOffset Cutoff(YearMonth month) => BusinessCalendar.EndOf(month.LastDay);

    /// <summary>
    /// Composes the bulletin. <paramref name="atCutoff"/> is the fold of the envelopes recorded up to
    /// <see cref="Cutoff"/>(month); <paramref name="atPreviousCutoff"/> the fold up to the previous month's cutoff
    /// (null for a first issue); <paramref name="recordedSincePreviousCutoff"/> the envelopes recorded between the two
    /// cutoffs, from which the revisions are read (when each correction was recorded).
    /// Figures are as of the month's last day from confirmed reports only; the problem list is as of the cutoff.
    /// </summary>
    public static ComposedBulletin Compose(
        BulletinRequest request,
        KeyWorksReadModel atCutoff,
        KeyWorksReadModel? atPreviousCutoff = null,
        IReadOnlyList<EventEnvelope>? recordedSincePreviousCutoff = null,
        FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        var month = request.Month;
        var cutoff = Cutoff(month);
        var asOf = month.LastDay;
        var programme = atCutoff.Programmes.GetValueOrDefault(request.ProgrammeId)
            ?? throw new ArgumentException($"Programme {request.ProgrammeId} is not in the read model.", nameof(atCutoff));

        var states = ProjectsOf(atCutoff, request.ProgrammeId);
        var figures = states.Select(p => ProjectFigureCalculator.Compute(p, asOf, options)).ToList();
        var rows = figures.Select(ToProgress).ToList();

        var title = new BulletinTitle(programme.District, ShortName(programme.Name), month.Year, request.IssueNumber,
            $"{programme.District}重点项目建设指挥部办公室", request.IssuedOn ?? BusinessCalendar.DateOf(cutoff),
            month.Year, month.Month, cutoff);

        var document = new BulletinDocument(
            title,
            Totals(states, figures, month, atPreviousCutoff, request.ProgrammeId, options),
            rows,
            [.. Groups(figures, GroupBy.Category).OrderBy(g => CategoryOrder(figures, g.Name))],
            Groups(figures, GroupBy.Township),
            Ranking(atCutoff, figures, month, request.ProgrammeId, options),
            Nodes(atCutoff, atPreviousCutoff, states, month),
            [.. figures.Where(f => f.Light != DomainLight.Green).Select(Lagging)],
            Problems(atCutoff, states, month, cutoff, options),
            NextMonthNodes(atCutoff, states, month),
            request.Recommendations ?? [],
            Revisions(atPreviousCutoff, recordedSincePreviousCutoff ?? [], states, month, request.IssueNumber),
            Curve(states, month),
            [.. states.Select(p => Schedule(p, asOf))]);
        return new ComposedBulletin(document, new BulletinRenderOptions(request.Leader));
    }

    /// <summary>"高新区2026年“三十工程”" → "三十工程": the quoted part of a programme's name, else the whole name.</summary>
    public static string ShortName(string name)
    {
        var open = name.IndexOf('“', StringComparison.Ordinal);
        var close = name.LastIndexOf('”');
        return open >= 0 && close > open + 1 ? name[(open + 1)..close] : name;
    }

    private static List<ProjectState> ProjectsOf(KeyWorksReadModel model, string programmeId) =>
        [.. model.Projects.Values.Select(v => v.State).Where(p => p.ProgrammeId == programmeId)];

    private static ProjectProgress ToProgress(ProjectFigures f) => new(
        f.ProjectId, f.Name, CategoryNames.Chinese(f.Category), f.Township, f.LeaderName, f.ResponsibleUnit,
        f.TotalInvestment, f.AnnualPlan, f.AnnualCompleted, Fraction(f.PlannedToDate, f.AnnualPlan), Light(f.Light),
        f.PhysicalNarrative ?? "");

    private static ProgrammeTotals Totals(
        List<ProjectState> states, List<ProjectFigures> figures, YearMonth month, KeyWorksReadModel? previous, string programmeId,
        FigureOptions options)
    {
        var sum = GroupFigureCalculator.Sum(programmeId, figures);
        var thisMonth = states.Sum(p => p.Investment.GetValueOrDefault(month)?.ConfirmedInMonth ?? 0m);
        decimal? previousRate = null;
        if (previous is not null && month.Month > 1)
        {
            // Last issue's rate as it was printed: figures at the previous month's end from the previous cutoff's fold.
            var before = ProjectsOf(previous, programmeId)
                .Select(p => ProjectFigureCalculator.Compute(p, month.AddMonths(-1).LastDay, options)).ToList();
            previousRate = Fraction(before.Sum(f => f.AnnualCompleted), before.Sum(f => f.AnnualPlan));
        }

        return new ProgrammeTotals(sum.Projects, sum.TotalInvestment, sum.AnnualPlan, thisMonth, sum.AnnualCompleted,
            Fraction(sum.PlannedToDate, sum.AnnualPlan), sum.StartedOfPlanned, sum.PlannedToStart, previousRate);
    }

    private static List<GroupSummary> Groups(List<ProjectFigures> figures, GroupBy dimension) =>
        [.. figures.GroupBy(f => GroupFigureCalculator.KeyOf(dimension, f), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupSummary(g.Key, g.Count(), g.Sum(f => f.AnnualPlan), g.Sum(f => f.AnnualCompleted),
                Fraction(g.Sum(f => f.PlannedToDate), g.Sum(f => f.AnnualPlan)), g.Count(f => f.Light != DomainLight.Green)))];

    /// <summary>Categories in the order DOMAIN.md lists them (道路, 桥梁, 河道治理 … 产业), not by code point.</summary>
    private static int CategoryOrder(List<ProjectFigures> figures, string name) =>
        figures.Where(f => CategoryNames.Chinese(f.Category) == name).Select(f => (int)f.Category).DefaultIfEmpty(int.MaxValue).Min();

    private static List<UnitRanking> Ranking(
        KeyWorksReadModel model, List<ProjectFigures> figures, YearMonth month, string programmeId, FigureOptions options)
    {
        var table = RankingCalculator.Monthly(model, month, options, p => p.ProgrammeId == programmeId);
        return [.. table.Units.Select(u =>
        {
            var projects = figures.Where(f => string.Equals(f.ResponsibleUnit, u.Key, StringComparison.Ordinal)).ToList();
            return new UnitRanking(u.Rank, u.Name, projects.Count, projects.Sum(f => f.AnnualPlan), projects.Sum(f => f.AnnualCompleted),
                u.Score, u.Flag switch { Flag.Red => RankingFlag.Red, Flag.Black => RankingFlag.Black, _ => RankingFlag.None });
        })];
    }

    private static NodePunctuality Nodes(KeyWorksReadModel model, KeyWorksReadModel? previous, List<ProjectState> states, YearMonth month)
    {
        var ids = states.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var due = NodeSchedule.DueBetween(model, month.FirstDay, month.LastDay, month.LastDay)
            .Where(l => ids.Contains(l.ProjectId))
            .Select(l => new DueNode(l.ProjectId, l.ProjectName, l.Node.Name, l.Node.Deadline, l.Node.ReachedOn, l.ResponsibleUnit))
            .ToList();

        // Slips: nodes whose deadline in force moved later since the previous issue's cutoff.
        var slips = new List<NodeSlip>();
        foreach (var project in states)
        {
            var before = previous?.Projects.GetValueOrDefault(project.Id)?.State;
            foreach (var node in project.Chain)
            {
                var was = before?.Nodes.GetValueOrDefault(node.NodeId);
                var previousDate = was?.Deadline ?? (previous is null ? null : node.PlannedDate);
                if (previousDate is { } from && node.Deadline > from)
                {
                    slips.Add(new NodeSlip(project.Id, project.Details.Name, node.Name, from, node.Deadline, node.Replans.LastOrDefault()?.Reason ?? ""));
                }
            }
        }

        return new NodePunctuality(due, slips);
    }

    /// <summary>
    /// A yellow or red project with its light's reasons; the gap reason is written again with the bulletin's
    /// rounding (one decimal), so the text agrees with the table beside it.
    /// </summary>
    private static LaggingProject Lagging(ProjectFigures f)
    {
        var rate = Fraction(f.AnnualCompleted, f.AnnualPlan);
        var time = Fraction(f.PlannedToDate, f.AnnualPlan);
        var reasons = f.LightReasons.Select(r => r.StartsWith("慢于序时进度", StringComparison.Ordinal) ? BulletinFormat.GapToTimeProgress(rate - time) : r);
        return new LaggingProject(f.ProjectId, f.Name, Light(f.Light), f.LeaderName, f.ResponsibleUnit, rate, time, string.Join("；", reasons));
    }

    private static ProblemList Problems(KeyWorksReadModel model, List<ProjectState> states, YearMonth month, DateTimeOffset cutoff, FigureOptions options)
    {
        var ids = states.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var problems = model.Problems.Values.Where(p => ids.Contains(p.ProjectId)).ToList();
        var monthStart = BusinessCalendar.EndOf(month.FirstDay.AddDays(-1));
        var monthEnd = BusinessCalendar.EndOf(month.LastDay);
        bool InMonth(DateTimeOffset? at) => at is { } t && t >= monthStart && t < monthEnd;

        var today = BusinessCalendar.DateOf(cutoff.AddTicks(-1));
        var open = problems
            .Where(p => p.Stage != DomainStage.Closed)
            .Select(p => ProblemBoards.Card(model, p, cutoff, options))
            .Select(c =>
            {
                var current = c.Clocks?.All.FirstOrDefault(k => k.DoneAt is null);
                var deadline = current is null ? c.Deadline ?? BusinessCalendar.DateOf(c.RaisedAt) : BusinessCalendar.DateOf(current.Due.AddTicks(-1));
                var overdueDays = current is { Overdue: true } ? Math.Max(0, today.DayNumber - deadline.DayNumber) : 0;
                var start = c.Clocks?.Accept.Due.AddDays(-1) ?? c.RaisedAt;
                return new OpenProblem(c.ProjectId, c.ProjectName, ProblemKind(c.Category), c.Title, c.Unit ?? "待交办",
                    Stage(c), deadline, overdueDays, Math.Max(0, today.DayNumber - BusinessCalendar.DateOf(start).DayNumber));
            })
            .OrderByDescending(p => p.OverdueDays)
            .ThenByDescending(p => p.AgeDays)
            .ThenBy(p => p.ProjectId, StringComparer.Ordinal)
            .ToList();

        // Running totals and the open list are as of the cutoff, so that raised − closed = open; "this month" is the calendar month.
        return new ProblemList(
            problems.Count,
            problems.Count(p => p.Stage == DomainStage.Closed),
            problems.Count(p => InMonth(p.RaisedAt)),
            problems.Count(p => p.Stage == DomainStage.Closed && InMonth(p.ClosedAt)),
            open);
    }

    private static BulletinStage Stage(ProblemCard card) =>
        card.EscalatedStages.Count > 0 ? BulletinStage.Escalated
        : card.Stage switch
        {
            DomainStage.Accepted => BulletinStage.Accepted,
            DomainStage.Handled => BulletinStage.Handled,
            _ => BulletinStage.Assigned,
        };

    private static string ProblemKind(ProblemCategory category) => category switch
    {
        ProblemCategory.Funding => "资金",
        ProblemCategory.Land => "用地",
        ProblemCategory.Relocation => "征迁",
        ProblemCategory.Approvals => "手续",
        ProblemCategory.Utilities => "管线",
        ProblemCategory.Safety => "安全",
        _ => "其他",
    };

    private static List<UpcomingNode> NextMonthNodes(KeyWorksReadModel model, List<ProjectState> states, YearMonth month)
    {
        var next = month.AddMonths(1);
        var leaders = states.ToDictionary(p => p.Id, p => p.Responsibility?.LeaderName ?? "", StringComparer.Ordinal);
        return [.. NodeSchedule.DueBetween(model, next.FirstDay, next.LastDay, month.LastDay)
            .Where(l => leaders.ContainsKey(l.ProjectId) && l.Node.ReachedOn is null)
            .Select(l => new UpcomingNode(l.ProjectId, l.ProjectName, l.Node.Name, l.Node.Deadline, l.ResponsibleUnit, leaders[l.ProjectId]))];
    }

    /// <summary>
    /// Revisions: what the previous issue printed for the previous month or earlier that reads differently now, because
    /// a correction or a late confirmation was recorded after the previous cutoff — confirmed investment amounts,
    /// confirmed physical progress, and nodes confirmed reached (or re-dated) within the months already printed.
    /// </summary>
    private static List<Revision> Revisions(
        KeyWorksReadModel? previous, IReadOnlyList<EventEnvelope> since, List<ProjectState> states, YearMonth month, int issueNumber)
    {
        if (previous is null) return [];
        var printedThrough = month.AddMonths(-1);
        var issue = issueNumber > 1 && printedThrough.Year == month.Year
            ? $"{printedThrough.Year}年第{issueNumber - 1}期"
            : $"{printedThrough.Year}年{printedThrough.Month}月通报";
        var revisions = new List<Revision>();
        foreach (var project in states)
        {
            var before = previous.Projects.GetValueOrDefault(project.Id)?.State;
            foreach (var m in project.Investment.Values.Where(m => m.Month <= printedThrough))
            {
                var was = before?.Investment.GetValueOrDefault(m.Month)?.ConfirmedInMonth ?? 0m;
                var now = m.ConfirmedInMonth ?? 0m;
                if (was == now) continue;
                var recorded = since.LastOrDefault(e => e.Event switch
                {
                    InvestmentCorrected c => c.ProjectId == project.Id && c.Month == m.Month,
                    InvestmentReportConfirmed c => c.ProjectId == project.Id && c.Month == m.Month,
                    _ => false,
                });
                var reason = recorded?.Event is InvestmentCorrected corrected ? corrected.Reason : "补报确认";
                revisions.Add(new Revision(issue, project.Details.Name, $"{m.Month.Month}月完成投资",
                    BulletinFormat.Money(was), BulletinFormat.Money(now), RecordedOn(recorded, month), reason));
            }

            revisions.AddRange(ProgressRevisions(project, before, since, printedThrough, issue, month));
            revisions.AddRange(NodeRevisions(project, before, since, printedThrough, issue, month));
        }

        return revisions;
    }

    private static IEnumerable<Revision> ProgressRevisions(
        ProjectState project, ProjectState? before, IReadOnlyList<EventEnvelope> since, YearMonth printedThrough, string issue, YearMonth month)
    {
        foreach (var m in project.Progress.Values.Where(m => m.Month <= printedThrough))
        {
            var was = before?.Progress.GetValueOrDefault(m.Month)?.ConfirmedPercent;
            if (was == m.ConfirmedPercent || m.ConfirmedPercent is not { } now) continue;
            var recorded = since.LastOrDefault(e => e.Event is PhysicalProgressConfirmed c && c.ProjectId == project.Id && c.Month == m.Month);
            yield return new Revision(issue, project.Details.Name, $"{m.Month.Month}月形象进度",
                was is { } w ? BulletinFormat.Percent(w / 100m) : "未确认", BulletinFormat.Percent(now / 100m),
                RecordedOn(recorded, month), "补报确认");
        }
    }

    private static IEnumerable<Revision> NodeRevisions(
        ProjectState project, ProjectState? before, IReadOnlyList<EventEnvelope> since, YearMonth printedThrough, string issue, YearMonth month)
    {
        foreach (var node in project.Nodes.Values)
        {
            // Only a reached date within the months already printed changes what an earlier issue said.
            var was = before?.Nodes.GetValueOrDefault(node.NodeId)?.ReachedOn is { } w && w <= printedThrough.LastDay ? w : (DateOnly?)null;
            var now = node.ReachedOn is { } n && n <= printedThrough.LastDay ? n : (DateOnly?)null;
            if (was == now) continue;
            var recorded = since.LastOrDefault(e => e.Event is NodeReportConfirmed c && c.ProjectId == project.Id && c.NodeId == node.NodeId);
            yield return new Revision(issue, project.Details.Name, $"{node.Name}完成时间",
                was is { } a ? BulletinFormat.Date(a) : "未完成", now is { } b ? BulletinFormat.Date(b) : "未完成",
                RecordedOn(recorded, month), "补报确认");
        }
    }

    private static DateOnly RecordedOn(EventEnvelope? recorded, YearMonth month) =>
        recorded is null ? BusinessCalendar.DateOf(Cutoff(month)) : BusinessCalendar.DateOf(recorded.RecordedAt);

    private static ProgrammeCurve Curve(List<ProjectState> states, YearMonth month)
    {
        var points = new List<CurvePoint>();
        for (var m = 1; m <= 12; m++)
        {
            var ym = new YearMonth(month.Year, m);
            var planned = states.Sum(p => p.Plans.GetValueOrDefault(month.Year)?.PlannedThrough(ym) ?? 0m);
            decimal? actual = ym <= month
                ? states.Sum(p => p.Investment.Values.Where(i => i.Month.Year == month.Year && i.Month <= ym).Sum(i => i.ConfirmedInMonth ?? 0m))
                : null;
            points.Add(new CurvePoint(m, planned, actual));
        }

        return new ProgrammeCurve(points);
    }

    private static ProjectSchedule Schedule(ProjectState project, DateOnly asOf) => new(
        project.Id, project.Details.Name,
        [.. NodeFigures.Timeline(project, asOf).Select(n => new ScheduleNode(n.Name, n.Deadline, n.ReachedOn, n.Status switch
        {
            DomainNodeStatus.Done => BulletinNodeStatus.Done,
            DomainNodeStatus.Overdue => BulletinNodeStatus.Overdue,
            DomainNodeStatus.InProgress => BulletinNodeStatus.InProgress,
            _ => BulletinNodeStatus.NotStarted,
        }))]);

    private static BulletinLight Light(DomainLight light) => light switch
    {
        DomainLight.Red => BulletinLight.Red,
        DomainLight.Yellow => BulletinLight.Yellow,
        _ => BulletinLight.Green,
    };

    private static decimal Fraction(decimal part, decimal whole) => whole == 0m ? 0m : part / whole;
}
