using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace KeyWorks.Dashboard.Tests;

/// <summary>The project list shows the API's own projects and figures, for each role's scope.</summary>
public sealed class reading_the_projects(DashboardSite site)
{
    private const string FirstPage = "{ projects(first: 20) { totalCount nodes { id name figures { totalInvestment annualCompletionRate } } } }";

    [Theory]
    [InlineData("office")]
    [InlineData("contractor")]
    public async Task the_list_shows_the_projects_and_figures_the_api_gives_the_role(string role)
    {
        var user = Roles.User(role);
        var expected = (await site.QueryAsync(user, FirstPage)).GetProperty("projects");
        var nodes = expected.GetProperty("nodes").EnumerateArray().ToList();
        await using var browser = await site.OpenAsync();
        await browser.SignInAsync(user);

        await browser.GoToAsync("/projects");

        var rows = browser.Page.Locator(".el-table__body-wrapper tbody tr");
        await Expect(rows).ToHaveCountAsync(nodes.Count);
        await Expect(browser.Page.Locator(".pager")).ToContainTextAsync($"共 {expected.GetProperty("totalCount").GetInt32()} 个项目");
        await Expect(rows.Locator("td:nth-child(2)")).ToHaveTextAsync(nodes.Select(n => n.GetProperty("name").GetString()!).ToArray());
        await Expect(rows.Locator("td:nth-child(6)")).ToHaveTextAsync(nodes.Select(n => Figures.Money(n.GetProperty("figures").GetProperty("totalInvestment"))).ToArray());
        await Expect(rows.Locator("td:nth-child(8)")).ToHaveTextAsync(nodes.Select(n => Figures.Percent(n.GetProperty("figures").GetProperty("annualCompletionRate"))).ToArray());
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task a_project_page_shows_the_project_and_its_nodes()
    {
        var data = await site.QueryAsync(DashboardSite.Users.Office,
            """{ project(id: "Project:zjdd") { name figures { totalInvestment } nodes { name } } }""");
        var project = data.GetProperty("project");
        await using var browser = await site.OpenAsync();
        await browser.SignInAsync(DashboardSite.Users.Office);

        await browser.GoToAsync("/projects/Project:zjdd");

        await Expect(browser.Page.Locator("h1")).ToContainTextAsync(project.GetProperty("name").GetString()!);
        await Expect(browser.Page.Locator(".kpis .kpi").First).ToContainTextAsync(Figures.Money(project.GetProperty("figures").GetProperty("totalInvestment")));
        await Expect(browser.Page.Locator(".nodes tbody tr td:nth-child(2)"))
            .ToHaveTextAsync(project.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToArray());
        await browser.SettleAsync();
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task lagging_only_narrows_the_list_to_the_apis_lagging_projects()
    {
        var lagging = (await site.QueryAsync(DashboardSite.Users.Office, "{ projects(first: 100, filter: {laggingOnly: true}) { totalCount } }"))
            .GetProperty("projects").GetProperty("totalCount").GetInt32();
        await using var browser = await site.OpenAsync();
        await browser.SignInAsync(DashboardSite.Users.Office);
        await browser.GoToAsync("/projects");
        await Expect(browser.Page.Locator(".el-table__body-wrapper tbody tr").First).ToBeVisibleAsync();

        await browser.Page.Locator(".filters .el-switch").ClickAsync();

        await Expect(browser.Page.Locator(".pager")).ToContainTextAsync($"共 {lagging} 个项目");
        await browser.AssertCleanAsync();
    }

    internal static string Name(JsonElement node) => node.GetProperty("name").GetString()!;
}
