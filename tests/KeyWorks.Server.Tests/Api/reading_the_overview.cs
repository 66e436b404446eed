using System.Text.Json;
using KeyWorks.Domain;
using KeyWorks.Domain.Demo;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Projects;
using KeyWorks.Server.Auth;
using static KeyWorks.Server.Tests.Api.DemoFacts;

namespace KeyWorks.Server.Tests.Api;

/// <summary>
/// <c>overview</c> over HTTP on the demo at noon of its last day: figures against sums computed here from the demo's
/// commands, as of a past moment, a contractor's own totals, the S-curve and the rankings.
/// </summary>
[Collection(ReadOnlyDemo.Name)]
public sealed class reading_the_overview(DemoAtNoon demo)
{
    private const string Query = """
        query($asOf: DateTime, $period: RankingPeriod) { overview(asOf: $asOf) {
          asOfDate projectCount
          figures { asOfDate totalInvestment annualPlan plannedToDate completedThisYear completedThisMonth completedSinceStart
                    annualCompletionRate totalCompletionRate timeProgress progressGap light }
          completionRateChange
          byCategory { name projectCount figures { annualPlan completedThisYear annualCompletionRate } }
          byTownship { name projectCount figures { annualPlan } }
          byUnit { name projectCount figures { completedThisYear } }
          lights { light count }
          overdueProblemCount problemsRaised problemsClosed
          monthlySeries { month planned actual plannedCumulative actualCumulative }
          ranking(period: $period) { period label formula
            projects { rank name projectId score annualCompletionRate nodePunctuality problemClosingRate inspectionScore flag }
            units { rank name unitId score flag } }
        } }
        """;

    private async Task<JsonElement> OverviewAsync(string user, string password, string? asOf = null, string period = "MONTH")
    {
        var response = await demo.PostAsync(Query, new { asOf, period }, await demo.LoginAsync(user, password));
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data").GetProperty("overview");
    }

    [Fact]
    public async Task the_programme_totals_are_the_sums_of_the_confirmed_demo_reports()
    {
        var overview = await OverviewAsync("office-zhou", "office-demo");
        var model = ModelAt(DemoAtNoon.Noon);
        var projects = model.Projects.Values.Select(v => v.State).ToList();
        var month = ReportingMonth(DemoProgramme.Today);
        var plan = projects.Sum(p => AnnualPlan(p, 2026));
        var completed = projects.Sum(p => CompletedThisYear(p, month));
        var planned = projects.Sum(p => PlannedThrough(p, month));
        var figures = overview.GetProperty("figures");

        Assert.Equal("2026-11-21", overview.GetProperty("asOfDate").GetString());
        Assert.Equal(projects.Count, overview.GetProperty("projectCount").GetInt32());
        Assert.Equal(projects.Sum(p => p.Details.TotalInvestment), Amount(figures.GetProperty("totalInvestment")));
        Assert.Equal(plan, Amount(figures.GetProperty("annualPlan")));
        Assert.Equal(planned, Amount(figures.GetProperty("plannedToDate")));
        Assert.Equal(completed, Amount(figures.GetProperty("completedThisYear")));
        Assert.Equal(projects.Sum(p => p.Investment.GetValueOrDefault(month)?.ConfirmedInMonth ?? 0m), Amount(figures.GetProperty("completedThisMonth")));
        Assert.Equal(projects.Sum(p => CompletedSinceStart(p, month)), Amount(figures.GetProperty("completedSinceStart")));
        Assert.Equal(Rate(completed, plan), Amount(figures.GetProperty("annualCompletionRate")));
        Assert.Equal(Rate(planned, plan), Amount(figures.GetProperty("timeProgress")));
        Assert.Equal(Rate(completed, plan) - Rate(planned, plan), Amount(figures.GetProperty("progressGap")));

        var previous = month.AddMonths(-1);
        var before = Rate(projects.Sum(p => CompletedThisYear(p, previous)), projects.Sum(p => AnnualPlan(p, 2026)));
        Assert.Equal(Rate(completed, plan) - before, Amount(overview.GetProperty("completionRateChange")));
        Assert.NotEqual(0m, Amount(overview.GetProperty("completionRateChange")));
    }

    [Fact]
    public async Task the_groups_split_the_programme_by_category_township_and_responsible_unit()
    {
        var overview = await OverviewAsync("office-zhou", "office-demo");
        var projects = ModelAt(DemoAtNoon.Noon).Projects.Values.Select(v => v.State).ToList();
        var month = ReportingMonth(DemoProgramme.Today);

        var categories = overview.GetProperty("byCategory").EnumerateArray().ToList();
        Assert.Equal(projects.Select(p => p.Details.Category).Distinct().Count(), categories.Count);
        // 道路 first, as DOMAIN.md lists the categories; 产业 last.
        Assert.Equal(CategoryNames.Chinese(projects.Min(p => p.Details.Category)), categories[0].GetProperty("name").GetString());
        foreach (var group in categories)
        {
            var members = projects.Where(p => CategoryNames.Chinese(p.Details.Category) == group.GetProperty("name").GetString()).ToList();
            Assert.Equal(members.Count, group.GetProperty("projectCount").GetInt32());
            Assert.Equal(members.Sum(p => AnnualPlan(p, 2026)), Amount(group.GetProperty("figures").GetProperty("annualPlan")));
            Assert.Equal(Rate(members.Sum(p => CompletedThisYear(p, month)), members.Sum(p => AnnualPlan(p, 2026))),
                Amount(group.GetProperty("figures").GetProperty("annualCompletionRate")));
        }

        var townships = overview.GetProperty("byTownship").EnumerateArray().ToList();
        Assert.Equal(projects.Select(p => p.Details.Township).Distinct().Order(StringComparer.Ordinal), townships.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(projects.Count, townships.Sum(t => t.GetProperty("projectCount").GetInt32()));

        foreach (var unit in overview.GetProperty("byUnit").EnumerateArray())
        {
            var members = projects.Where(p => p.Responsibility?.ResponsibleUnit == unit.GetProperty("name").GetString()).ToList();
            Assert.NotEmpty(members);
            Assert.Equal(members.Sum(p => CompletedThisYear(p, month)), Amount(unit.GetProperty("figures").GetProperty("completedThisYear")));
        }
    }

    [Fact]
    public async Task the_problem_counts_follow_the_1_6_10_clocks_at_the_server_time()
    {
        var overview = await OverviewAsync("office-zhou", "office-demo");
        var problems = ModelAt(DemoAtNoon.Noon).Problems.Values.ToList();

        Assert.Equal(problems.Count, overview.GetProperty("problemsRaised").GetInt32());
        Assert.Equal(problems.Count(p => p.Stage == ProblemStage.Closed), overview.GetProperty("problemsClosed").GetInt32());
        Assert.Equal(problems.Count(p => RunningLate(p, DemoAtNoon.Noon)), overview.GetProperty("overdueProblemCount").GetInt32());
        Assert.NotEqual(0, overview.GetProperty("overdueProblemCount").GetInt32());
        Assert.Equal(21, overview.GetProperty("lights").EnumerateArray().Sum(l => l.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task the_s_curve_runs_through_the_year_and_its_actual_stops_at_the_reporting_month()
    {
        var overview = await OverviewAsync("office-zhou", "office-demo");
        var figures = overview.GetProperty("figures");
        var series = overview.GetProperty("monthlySeries").EnumerateArray().ToList();
        var reporting = ReportingMonth(DemoProgramme.Today);

        Assert.Equal(12, series.Count);
        Assert.Equal("2026-01-01", series[0].GetProperty("month").GetString());
        Assert.Equal(Amount(figures.GetProperty("annualPlan")), Amount(series[^1].GetProperty("plannedCumulative")));
        Assert.Equal(Amount(figures.GetProperty("plannedToDate")), Amount(series[reporting.Month - 1].GetProperty("plannedCumulative")));
        Assert.Equal(Amount(figures.GetProperty("completedThisYear")), Amount(series[reporting.Month - 1].GetProperty("actualCumulative")));
        Assert.Equal(series.Take(reporting.Month).Sum(p => Amount(p.GetProperty("actual"))), Amount(figures.GetProperty("completedThisYear")));
        Assert.All(series.Skip(reporting.Month), p => Assert.Equal(0m, Amount(p.GetProperty("actual"))));
    }

    [Fact]
    public async Task as_of_a_past_moment_the_overview_shows_what_was_known_then()
    {
        const string AsOf = "2026-07-10T18:00:00+08:00";
        var overview = await OverviewAsync("office-zhou", "office-demo", AsOf);
        var model = ModelAt(DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture));
        var projects = model.Projects.Values.Select(v => v.State).ToList();
        var june = new YearMonth(2026, 6);
        var now = await OverviewAsync("office-zhou", "office-demo");

        Assert.Equal("2026-07-10", overview.GetProperty("asOfDate").GetString());
        Assert.Equal(projects.Sum(p => CompletedThisYear(p, june)), Amount(overview.GetProperty("figures").GetProperty("completedThisYear")));
        Assert.Equal(model.Problems.Count, overview.GetProperty("problemsRaised").GetInt32());
        Assert.True(overview.GetProperty("problemsRaised").GetInt32() < now.GetProperty("problemsRaised").GetInt32());
        Assert.True(Amount(overview.GetProperty("figures").GetProperty("completedThisYear")) < Amount(now.GetProperty("figures").GetProperty("completedThisYear")));
        Assert.Equal("2026年6月", overview.GetProperty("ranking").GetProperty("label").GetString());
    }

    [Fact]
    public async Task a_contractor_sees_the_totals_and_rankings_of_their_own_project_only()
    {
        var (account, password) = UserAccounts.DemoUsers.Single(u => u.Account.Role == Role.Contractor);
        var overview = await OverviewAsync(account.UserName, password);
        var zjdd = ModelAt(DemoAtNoon.Noon).Projects["zjdd"].State;
        var all = await OverviewAsync("office-zhou", "office-demo");

        Assert.Equal(1, overview.GetProperty("projectCount").GetInt32());
        Assert.Equal(zjdd.Details.TotalInvestment, Amount(overview.GetProperty("figures").GetProperty("totalInvestment")));
        Assert.Equal(ModelAt(DemoAtNoon.Noon).ProblemsOf("zjdd").Count(), overview.GetProperty("problemsRaised").GetInt32());
        var entry = Assert.Single(overview.GetProperty("ranking").GetProperty("projects").EnumerateArray());
        Assert.Equal("Project:zjdd", entry.GetProperty("projectId").GetString());
        var official = all.GetProperty("ranking").GetProperty("projects").EnumerateArray().Single(e => e.GetProperty("projectId").GetString() == "Project:zjdd");
        Assert.Equal(official.GetProperty("rank").GetInt32(), entry.GetProperty("rank").GetInt32());
        Assert.Equal(zjdd.Responsibility!.ResponsibleUnit, Assert.Single(overview.GetProperty("ranking").GetProperty("units").EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("MONTH", "2026年10月")]
    [InlineData("QUARTER", "2026年第3季度")]
    public async Task the_ranking_orders_by_the_published_formula_and_flags_the_first_and_the_last(string period, string label)
    {
        var ranking = (await OverviewAsync("office-zhou", "office-demo", period: period)).GetProperty("ranking");
        var entries = ranking.GetProperty("projects").EnumerateArray().ToList();

        Assert.Equal(period, ranking.GetProperty("period").GetString());
        Assert.Equal(label, ranking.GetProperty("label").GetString());
        Assert.Contains("40%", ranking.GetProperty("formula").GetString(), StringComparison.Ordinal);
        Assert.Equal(21, entries.Count);
        Assert.Equal(Enumerable.Range(1, 21), entries.Select(e => e.GetProperty("rank").GetInt32()));
        var scores = entries.Select(e => Amount(e.GetProperty("score"))).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal("RED", entries[0].GetProperty("flag").GetString());
        Assert.Equal("BLACK", entries[^1].GetProperty("flag").GetString());
        Assert.All(entries.Skip(1).SkipLast(1), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("flag").ValueKind));
        var model = ModelAt(DemoAtNoon.Noon);
        var end = period == "MONTH" ? new YearMonth(2026, 10) : new YearMonth(2026, 9);
        foreach (var e in entries)
        {
            // Score = the weighted mean of the components present (inspection drops out when there was none);
            // completion = 投资完成率 / 序时进度 capped at 100, computed here from the demo.
            var project = model.Projects[e.GetProperty("projectId").GetString()!["Project:".Length..]].State;
            var planned = PlannedThrough(project, end);
            var completion = planned == 0 ? 100m : Math.Min(1m, CompletedThisYear(project, end) / planned) * 100m;
            var inspection = e.GetProperty("inspectionScore");
            var sum = 0.40m * completion + 0.25m * Amount(e.GetProperty("nodePunctuality")) + 0.15m * Amount(e.GetProperty("problemClosingRate"));
            var weights = 0.80m;
            if (inspection.ValueKind != JsonValueKind.Null)
            {
                sum += 0.20m * Amount(inspection);
                weights += 0.20m;
            }

            Assert.InRange(Amount(e.GetProperty("score")), sum / weights - 0.01m, sum / weights + 0.01m);
        }

        var units = ranking.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal("RED", units[0].GetProperty("flag").GetString());
        Assert.Equal("BLACK", units[^1].GetProperty("flag").GetString());
        Assert.All(units, u => Assert.StartsWith("Unit:", u.GetProperty("unitId").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_dashboard_overview_document_is_answered_without_errors()
    {
        var token = await demo.LoginAsync("leader-wang", "leader-demo");
        var response = await demo.PostAsync(DashboardDocuments.Operation("overview.ts", "query Overview("), new { period = "QUARTER" }, token);

        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Equal(21, response.GetProperty("data").GetProperty("overview").GetProperty("projectCount").GetInt32());
    }
}
