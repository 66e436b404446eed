using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeyWorks.Dashboard.Tests;

/// <summary>Each role signs in through the login page, lands on its home page and is offered its own pages only.</summary>
public sealed class signing_in_by_role(DashboardSite site)
{
    [Theory]
    [InlineData("office", "/overview", "驾驶舱|项目|问题|审核队列|月通报")]
    [InlineData("leader", "/overview", "驾驶舱|项目|问题|月通报")]
    [InlineData("contractor", "/report", "上报|项目|问题")]
    [InlineData("auditor", "/overview", "驾驶舱|项目|问题|月通报")]
    public async Task a_role_lands_on_its_home_page_with_its_own_menu(string role, string home, string menu)
    {
        await using var browser = await site.OpenAsync();
        var me = (await site.QueryAsync(Roles.User(role), "{ me { name } }")).GetProperty("me");

        await browser.SignInAsync(Roles.User(role));

        Assert.EndsWith("#" + home, browser.Page.Url, StringComparison.Ordinal);
        await Expect(browser.Page.Locator(".topbar .name")).ToHaveTextAsync(me.GetProperty("name").GetString()!);
        await Expect(browser.Page.Locator(".topbar .el-menu-item")).ToHaveTextAsync(menu.Split('|'));
        await browser.SettleAsync();
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task a_wrong_password_is_refused_on_the_login_page()
    {
        await using var browser = await site.OpenAsync();
        await browser.GoToAsync("/login");

        await browser.Page.GetByLabel("用户名").FillAsync(DashboardSite.Users.Office.Name);
        await browser.Page.GetByLabel("密码").FillAsync("not-the-password");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Expect(browser.Page.Locator(".el-alert")).ToBeVisibleAsync();
        Assert.Contains("#/login", browser.Page.Url, StringComparison.Ordinal);
        await browser.AssertCleanAsync();
    }
}
