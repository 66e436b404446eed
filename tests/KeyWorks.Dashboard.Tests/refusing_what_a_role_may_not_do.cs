using static Microsoft.Playwright.Assertions;

namespace KeyWorks.Dashboard.Tests;

/// <summary>Each role is kept to its own pages and projects, by the dashboard and by the server behind it.</summary>
public sealed class refusing_what_a_role_may_not_do(DashboardSite site)
{
    [Fact]
    public async Task a_contractor_opening_another_units_project_is_refused_by_the_server_and_told_so()
    {
        var own = (await site.QueryAsync(DashboardSite.Users.Contractor, "{ projects(first: 100) { nodes { id } } }"))
            .GetProperty("projects").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToHashSet();
        var other = (await site.QueryAsync(DashboardSite.Users.Office, "{ projects(first: 100) { nodes { id } } }"))
            .GetProperty("projects").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).First(id => !own.Contains(id));
        await using var browser = await site.OpenAsync(390, 844);
        await browser.SignInAsync(DashboardSite.Users.Contractor);
        browser.Expect("\"FORBIDDEN\"");

        await browser.GoToAsync($"/projects/{other}");

        await Expect(browser.Page.Locator(".el-message--error").First).ToContainTextAsync("没有权限");
        await Expect(browser.Page.Locator(".el-empty")).ToContainTextAsync("无权查看");
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task a_contractor_asking_for_the_cockpit_or_the_queue_is_sent_to_the_report_page()
    {
        await using var browser = await site.OpenAsync(390, 844);
        await browser.SignInAsync(DashboardSite.Users.Contractor);

        foreach (var route in new[] { "/overview", "/office/queue", "/bulletins" })
        {
            await browser.GoToAsync(route);
            await browser.Page.WaitForURLAsync(url => url.EndsWith("#/report", StringComparison.Ordinal));
        }

        await browser.SettleAsync();
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task an_auditor_has_no_queue_and_the_server_refuses_an_auditors_confirmation()
    {
        await using var browser = await site.OpenAsync();
        await browser.SignInAsync(DashboardSite.Users.Auditor);

        await browser.GoToAsync("/office/queue");
        await browser.Page.WaitForURLAsync(url => url.EndsWith("#/overview", StringComparison.Ordinal));
        await Expect(browser.Page.Locator(".topbar .el-menu-item", new() { HasTextString = "审核队列" })).ToHaveCountAsync(0);

        var refused = await site.PostAsync("""mutation { confirmReport(input: {idempotencyKey: "auditor-1", reportId: "Report:none"}) { errors { code } } }""",
            token: await site.TokenAsync(DashboardSite.Users.Auditor));
        Assert.Contains("FORBIDDEN", refused.ToString(), StringComparison.Ordinal);
        await browser.SettleAsync();
        await browser.AssertCleanAsync();
    }
}
