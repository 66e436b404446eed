using KeyWorks.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeyWorks.Dashboard.Tests;

/// <summary>
/// A contractor reports from a phone; the office's queue shows the report as it arrives (subscription) and the office
/// confirms it; a retry after a dropped answer does not report twice.
/// </summary>
public sealed class reporting_from_a_phone(DashboardSite site)
{
    private const string Reports = """
        query($id: ID!) { project(id: $id) { reports(first: 100) { nodes { id status ... on InvestmentReport { amount } } } } }
        """;

    private async Task<string> ContractorProjectAsync() =>
        (await site.QueryAsync(DashboardSite.Users.Contractor, "{ projects(first: 1) { nodes { id } } }"))
            .GetProperty("projects").GetProperty("nodes")[0].GetProperty("id").GetString()!;

    /// <summary>The statuses of the project's investment reports of exactly this amount (yuan).</summary>
    private async Task<List<string>> ReportsOfAmountAsync(string projectId, decimal yuan) =>
        (await site.QueryAsync(DashboardSite.Users.Office, Reports, new { id = projectId }))
            .GetProperty("project").GetProperty("reports").GetProperty("nodes").EnumerateArray()
            .Where(r => r.TryGetProperty("amount", out var amount) && Figures.Amount(amount) == yuan)
            .Select(r => r.GetProperty("status").GetString()!).ToList();

    private static async Task ReportInvestmentAsync(IPage phone, string wan)
    {
        await phone.GetByLabel(new System.Text.RegularExpressions.Regex("^本月完成投资")).FillAsync(wan);
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task a_report_from_a_phone_appears_live_in_the_office_queue_and_the_office_confirms_it()
    {
        var projectId = await ContractorProjectAsync();
        await using var office = await site.OpenAsync();
        await office.SignInAsync(DashboardSite.Users.Office);
        await office.GoToAsync("/office/queue");
        await Expect(office.Page.Locator(".page-title .el-tag")).ToHaveTextAsync("实时更新");
        await using var contractor = await site.OpenAsync(390, 844);
        await contractor.SignInAsync(DashboardSite.Users.Contractor);

        await ReportInvestmentAsync(contractor.Page, "37.21");

        await Expect(contractor.Page.Locator(".el-message--success")).ToContainTextAsync("月度投资已上报");
        var arrived = office.Page.Locator(".queue li.fresh", new() { HasTextString = "37.21万元" });
        await Expect(arrived).ToHaveCountAsync(1);
        Assert.Equal(["PENDING"], await ReportsOfAmountAsync(projectId, 372_100m));

        await arrived.GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();

        await Expect(office.Page.Locator(".el-message--success")).ToContainTextAsync("已确认");
        await Expect(office.Page.Locator(".queue li", new() { HasTextString = "37.21万元" })).ToHaveCountAsync(0);
        Assert.Equal(["CONFIRMED"], await ReportsOfAmountAsync(projectId, 372_100m));
        await contractor.AssertCleanAsync();
        await office.AssertCleanAsync();
    }

    [Fact]
    public async Task a_retry_after_the_answer_was_lost_does_not_report_twice()
    {
        var projectId = await ContractorProjectAsync();
        var before = (await site.QueryAsync(DashboardSite.Users.Contractor, "query($id: ID!) { project(id: $id) { figures { physicalProgress } } }", new { id = projectId }))
            .GetProperty("project").GetProperty("figures").GetProperty("physicalProgress");
        var percent = Math.Min(100, Math.Ceiling(before.ValueKind == System.Text.Json.JsonValueKind.Null ? 0 : Figures.Amount(before)) + 1);
        var narrative = $"箱涵主体完工，复核 {Guid.NewGuid():N}";
        await using var contractor = await site.OpenAsync(390, 844);
        await contractor.SignInAsync(DashboardSite.Users.Contractor);
        var keys = new List<string>();
        var sends = 0;
        // The first submission reaches the server, which records it; its answer is then lost as if the phone lost
        // its signal. The dashboard retries with the same idempotency key.
        await contractor.Context.RouteAsync("**/graphql", async route =>
        {
            var body = route.Request.PostData ?? "";
            if (!body.Contains("ReportProgress", StringComparison.Ordinal))
            {
                await route.FallbackAsync();
                return;
            }

            using var json = System.Text.Json.JsonDocument.Parse(body);
            lock (keys)
            {
                keys.Add(json.RootElement.GetProperty("variables").GetProperty("input").GetProperty("idempotencyKey").GetString()!);
            }

            if (Interlocked.Increment(ref sends) == 1)
            {
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.FallbackAsync();
        });
        contractor.Expect("ERR_CONNECTION_RESET");

        await contractor.Page.GetByText("形象进度", new() { Exact = true }).ClickAsync();
        await contractor.Page.GetByLabel(new System.Text.RegularExpressions.Regex("^形象进度（%）")).FillAsync(percent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await contractor.Page.GetByLabel("进展描述").FillAsync(narrative);
        await contractor.Page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();

        await Expect(contractor.Page.Locator(".el-message--success")).ToContainTextAsync("形象进度已上报");
        Assert.True(keys.Count >= 2, $"expected a retry, saw {keys.Count} sends");
        Assert.Single(keys.Distinct());
        var recorded = (await site.QueryAsync(DashboardSite.Users.Office, """
            query($id: ID!) { project(id: $id) { reports(first: 100) { nodes { ... on ProgressReport { narrative } } } } }
            """, new { id = projectId })).GetProperty("project").GetProperty("reports").GetProperty("nodes").EnumerateArray()
            .Count(r => r.TryGetProperty("narrative", out var n) && n.GetString() == narrative);
        Assert.Equal(1, recorded);
        await contractor.AssertCleanAsync();
    }

    [Fact]
    public async Task the_apis_validation_message_is_shown_beside_its_field()
    {
        var projectId = await ContractorProjectAsync();
        var month = SuiteClock.Today.ToString("yyyy-MM-01", System.Globalization.CultureInfo.InvariantCulture);
        // The API's own answer to what the form will send: an amount far above the total investment, without a note.
        var refused = await site.PostAsync("""
            mutation($input: ReportInvestmentInput!) { reportInvestment(input: $input) { errors { code message field } } }
            """, new { input = new { idempotencyKey = Guid.NewGuid().ToString(), projectId, month, amount = "9999999990000.00" } },
            await site.TokenAsync(DashboardSite.Users.Contractor));
        var expected = refused.GetProperty("data").GetProperty("reportInvestment").GetProperty("errors")[0];
        await using var contractor = await site.OpenAsync(390, 844);
        await contractor.SignInAsync(DashboardSite.Users.Contractor);

        await ReportInvestmentAsync(contractor.Page, "999999999");

        var error = contractor.Page.Locator(".el-form-item.is-error .el-form-item__error");
        await Expect(error).ToHaveTextAsync(expected.GetProperty("message").GetString()!);
        await contractor.AssertCleanAsync();
    }
}
