using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeyWorks.Dashboard.Tests;

/// <summary>The office drafts last month's bulletin, downloads the PDF, and publishes it with recommendations.</summary>
public sealed class issuing_a_bulletin(DashboardSite site)
{
    [Fact]
    public async Task the_office_drafts_downloads_and_publishes_a_bulletin()
    {
        await using var browser = await site.OpenAsync();
        await browser.SignInAsync(DashboardSite.Users.Office);
        await browser.GoToAsync("/bulletins");
        var page = browser.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "生成月通报", Exact = true }).ClickAsync();
        await page.Locator(".el-dialog__footer").GetByRole(AriaRole.Button, new() { Name = "生成", Exact = true }).ClickAsync();

        // The run is drafted in the background; the row follows it through the subscription.
        var row = page.Locator(".el-table__body-wrapper tbody tr").First;
        await Expect(row).ToContainTextAsync("草稿", new() { Timeout = 120_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Button, new() { Name = "下载", Exact = true }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"keyworks-bulletin-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        try
        {
            var head = new byte[5];
            await using (var file = File.OpenRead(path))
            {
                await file.ReadExactlyAsync(head, TestContext.Current.CancellationToken);
            }

            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        }
        finally
        {
            File.Delete(path);
        }

        await row.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^工作建议")).FillAsync("一、加快征迁交地。\n二、督促滞后项目倒排工期。");
        await page.Locator(".el-dialog__footer").GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();

        // Publishing prints the issue again with the recommendations in it.
        await Expect(row).ToContainTextAsync("已发布", new() { Timeout = 120_000 });
        var published = (await site.QueryAsync(DashboardSite.Users.Leader, "{ bulletins(first: 10) { nodes { status recommendations } } }"))
            .GetProperty("bulletins").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Contains(published, b => b.GetProperty("status").GetString() == "PUBLISHED"
            && b.GetProperty("recommendations").GetString()!.Contains("倒排工期", StringComparison.Ordinal));
        await browser.AssertCleanAsync();
    }
}
