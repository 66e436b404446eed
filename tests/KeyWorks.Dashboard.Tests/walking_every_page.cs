using static Microsoft.Playwright.Assertions;

namespace KeyWorks.Dashboard.Tests;

/// <summary>
/// Every page each role sees, at desktop and phone widths, loads with no error. With <c>KEYWORKS_SCREENSHOTS</c> set to
/// a folder, a full-page screenshot of each is saved there for review.
/// </summary>
public sealed class walking_every_page(DashboardSite site)
{
    public static TheoryData<string, int, int> RolesAndWidths()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var role in new[] { "office", "leader", "contractor", "auditor" })
        {
            data.Add(role, 1440, 900);
            data.Add(role, 390, 844);
        }

        return data;
    }

    private static string[] RoutesOf(string role) => role switch
    {
        "office" => ["/overview", "/projects", "/projects/Project:zjdd", "/problems", "/office/queue", "/bulletins"],
        "contractor" => ["/report", "/projects", "/projects/Project:zjdd", "/problems"],
        _ => ["/overview", "/projects", "/projects/Project:zjdd", "/problems", "/bulletins"],
    };

    [Theory]
    [MemberData(nameof(RolesAndWidths))]
    public async Task every_page_of_the_role_loads_cleanly(string role, int width, int height)
    {
        await using var browser = await site.OpenAsync(width, height);
        await browser.SignInAsync(Roles.User(role));
        await browser.ScreenshotAsync($"{role}-{width}-login-home");

        foreach (var route in RoutesOf(role))
        {
            await browser.GoToAsync(route);
            await browser.SettleAsync();
            await Expect(browser.Page.Locator(".el-skeleton")).ToHaveCountAsync(0);
            Assert.EndsWith("#" + route, browser.Page.Url, StringComparison.Ordinal);
            await browser.ScreenshotAsync($"{role}-{width}-{route.Trim('/').Replace('/', '_').Replace(':', '_')}");
        }

        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task the_login_page_in_both_languages()
    {
        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await using var browser = await site.OpenAsync(width, height);
            await browser.GoToAsync("/login");
            await Expect(browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "登录", Exact = true })).ToBeVisibleAsync();
            await browser.ScreenshotAsync($"login-{width}");
            await browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await Expect(browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
            await browser.ScreenshotAsync($"login-{width}-en");
            await browser.AssertCleanAsync();
        }
    }
}
