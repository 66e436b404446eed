using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace KeyWorks.Dashboard.Tests;

/// <summary>Chinese by default; the language switch turns every page's own wording into English (data stays as recorded).</summary>
public sealed partial class switching_to_english(DashboardSite site)
{
    /// <summary>The page's own wording: menus, headings of tables, form labels, buttons, tabs, KPI labels.</summary>
    private const string Chrome = ".el-menu-item, th .cell, .el-form-item__label, button, .kpi .label, .el-tabs__item, .el-radio-button, .el-empty__description, .as-of .label";

    // A range rather than a Unicode block name, because Playwright hands the pattern to the browser's own regular expressions.
    [GeneratedRegex("[\u4e00-\u9fff]")]
    private static partial Regex Chinese();

    [Theory]
    [InlineData("office", "/overview|/projects|/projects/Project:zjdd|/problems|/office/queue|/bulletins")]
    [InlineData("contractor", "/report|/projects|/problems")]
    public async Task after_the_switch_no_page_shows_chinese_wording_of_its_own(string role, string routes)
    {
        await using var browser = await site.OpenAsync();
        await browser.SignInAsync(Roles.User(role));
        await Expect(browser.Page.Locator(".topbar .el-menu-item").First).ToHaveTextAsync(Chinese());

        await browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(browser.Page.Locator(".topbar .el-menu-item").First).Not.ToHaveTextAsync(Chinese());
        foreach (var route in routes.Split('|'))
        {
            await browser.GoToAsync(route);
            await browser.SettleAsync();
            await Expect(browser.Page.Locator(".el-skeleton")).ToHaveCountAsync(0);
            var texts = await browser.Page.Locator(Chrome).AllInnerTextsAsync();
            // Amounts keep their Chinese units (万元, 亿元) as the bulletin prints them; the switch back reads 中文.
            var chinese = texts.Where(t => t != "中文" && Chinese().IsMatch(t.Replace("万元", "", StringComparison.Ordinal).Replace("亿元", "", StringComparison.Ordinal))).ToList();
            Assert.True(chinese.Count == 0, $"{route} still shows: {string.Join(" | ", chinese)}");
        }

        await browser.AssertCleanAsync();
    }
}
