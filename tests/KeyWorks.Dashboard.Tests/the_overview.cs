using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeyWorks.Dashboard.Tests;

/// <summary>The cockpit (驾驶舱) shows the API's overview, and the as-of picker turns it into a past day's state.</summary>
public sealed class the_overview(DashboardSite site)
{
    private const string Query = """
        query($asOf: DateTime) { overview(asOf: $asOf) { asOfDate projectCount
          figures { totalInvestment annualPlan completedThisYear annualCompletionRate } } }
        """;

    private Task<JsonElement> OverviewAsync(string? asOf) =>
        site.QueryAsync(DashboardSite.Users.Leader, Query, new { asOf }).ContinueWith(t => t.Result.GetProperty("overview"), TaskScheduler.Default);

    private static ILocator Card(IPage page, string label) => page.Locator(".kpi").Filter(new() { Has = page.Locator(".label", new() { HasTextString = label }) }).Locator(".value");

    [Fact]
    public async Task the_kpi_cards_show_the_apis_figures_and_the_as_of_date_changes_them()
    {
        var now = await OverviewAsync(null);
        var june = await OverviewAsync("2026-06-30T23:59:59+08:00");
        Assert.NotEqual(Figures.Yi(now.GetProperty("figures").GetProperty("completedThisYear")), Figures.Yi(june.GetProperty("figures").GetProperty("completedThisYear")));
        await using var browser = await site.OpenAsync();
        await browser.SignInAsync(DashboardSite.Users.Leader);
        var page = browser.Page;

        await Expect(Card(page, "项目总数")).ToHaveTextAsync($"{now.GetProperty("projectCount").GetInt32()} 个");
        await Expect(Card(page, "总投资")).ToHaveTextAsync(Figures.Yi(now.GetProperty("figures").GetProperty("totalInvestment")));
        await Expect(Card(page, "年度完成投资")).ToHaveTextAsync(Figures.Yi(now.GetProperty("figures").GetProperty("completedThisYear")));
        await Expect(Card(page, "投资完成率")).ToHaveTextAsync(Figures.Percent(now.GetProperty("figures").GetProperty("annualCompletionRate")));
        await Expect(page.Locator(".page-title h1")).ToContainTextAsync(now.GetProperty("asOfDate").GetString()!);

        var picker = page.Locator(".as-of input");
        await picker.FillAsync("2026-06-30");
        await picker.PressAsync("Enter");

        await Expect(page.Locator(".page-title h1")).ToContainTextAsync("2026-06-30");
        await Expect(Card(page, "年度完成投资")).ToHaveTextAsync(Figures.Yi(june.GetProperty("figures").GetProperty("completedThisYear")));
        await Expect(Card(page, "投资完成率")).ToHaveTextAsync(Figures.Percent(june.GetProperty("figures").GetProperty("annualCompletionRate")));
        await browser.SettleAsync();
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task the_charts_are_drawn()
    {
        await using var browser = await site.OpenAsync();
        await browser.SignInAsync(DashboardSite.Users.Office);

        // S-curve, lights and completion bars, each with data in its series.
        var charts = browser.Page.Locator(".panel .chart");
        await Expect(charts).ToHaveCountAsync(3);
        foreach (var chart in await charts.AllAsync())
        {
            await Expect(chart.Locator("canvas")).ToBeVisibleAsync();
            await Expect(chart).Not.ToHaveAttributeAsync("data-points", "0");
        }

        await browser.AssertCleanAsync();
    }
}
