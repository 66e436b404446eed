using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeyWorks.Dashboard.Tests;

/// <summary>The problems board (1-6-10): a stage action moves a card to the next stage; readers get no actions.</summary>
public sealed class handling_problems(DashboardSite site)
{
    private const string Problems = "{ problems(first: 300) { nodes { id stage description } } }";

    [Fact]
    public async Task the_office_accepts_an_assigned_problem_and_the_card_moves_to_accepted()
    {
        var all = (await site.QueryAsync(DashboardSite.Users.Office, Problems)).GetProperty("problems").GetProperty("nodes").EnumerateArray().ToList();
        var problem = all.First(p => p.GetProperty("stage").GetString() == "ASSIGNED"
            && all.Count(q => q.GetProperty("description").GetString() == p.GetProperty("description").GetString()) == 1);
        var description = problem.GetProperty("description").GetString()!;
        await using var browser = await site.OpenAsync();
        await browser.SignInAsync(DashboardSite.Users.Office);
        await browser.GoToAsync("/problems");
        var card = browser.Page.Locator("article.card", new() { HasTextString = description });

        await card.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await browser.Page.Locator(".el-dialog__footer").GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();

        var accepted = browser.Page.Locator("section.column", new() { Has = browser.Page.Locator("header", new() { HasTextString = "已受理" }) });
        await Expect(accepted.Locator("article.card", new() { HasTextString = description })).ToHaveCountAsync(1);
        var stage = (await site.QueryAsync(DashboardSite.Users.Office, "query($id: ID!) { node(id: $id) { ... on Problem { stage } } }", new { id = problem.GetProperty("id").GetString() }))
            .GetProperty("node").GetProperty("stage").GetString();
        Assert.Equal("ACCEPTED", stage);
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task an_auditor_sees_the_board_without_any_action()
    {
        var count = (await site.QueryAsync(DashboardSite.Users.Auditor, "{ problems(first: 300) { totalCount } }")).GetProperty("problems").GetProperty("totalCount").GetInt32();
        await using var browser = await site.OpenAsync();
        await browser.SignInAsync(DashboardSite.Users.Auditor);

        await browser.GoToAsync("/problems");

        await Expect(browser.Page.Locator("article.card")).ToHaveCountAsync(count);
        await Expect(browser.Page.Locator("article.card .actions")).ToHaveCountAsync(0);
        await browser.AssertCleanAsync();
    }
}
