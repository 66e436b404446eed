using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeyWorks.Dashboard.Tests;

/// <summary>
/// Registering a project adds one to the programme that other tests count: this class runs after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(ChangingTheProgramme), DisableParallelization = true)]
public sealed class ChangingTheProgramme;

/// <summary>The office's planning forms: 新建项目, 下达/调整年度计划, 新增节点, 节点调整; other roles get none of them.</summary>
[Collection(nameof(ChangingTheProgramme))]
public sealed class planning_projects(DashboardSite site)
{
    private const string Choices = "{ programmes { year } projects(first: 1) { nodes { township leader { name } leadUnit { name } responsibleUnit { name } } } }";

    private const string Registered = """
        query($id: ID!) { project(id: $id) {
          name township totalInvestment: figures { totalInvestment } leader { name } leadUnit { name } responsibleUnit { name }
          plannedStart plannedCompletion annualPlan { year total monthly } nodes { name plannedDate replannedDate replanReason }
        } }
        """;

    [Fact]
    public async Task the_office_registers_a_project_on_a_phone_sets_its_annual_plan_and_plans_a_node()
    {
        var choices = await site.QueryAsync(DashboardSite.Users.Office, Choices);
        var year = choices.GetProperty("programmes")[0].GetProperty("year").GetInt32();
        var known = choices.GetProperty("projects").GetProperty("nodes")[0];
        string Name(string field) => known.GetProperty(field).GetProperty("name").GetString()!;
        var name = $"试验路{Guid.NewGuid():N}"[..12];
        await using var browser = await site.OpenAsync(390, 844);
        var page = browser.Page;
        await browser.SignInAsync(DashboardSite.Users.Office);
        await browser.GoToAsync("/projects");

        await page.GetByRole(AriaRole.Button, new() { Name = "新建项目", Exact = true }).ClickAsync();
        var dialog = page.Locator(".register-project");
        await dialog.GetByLabel("项目名称").FillAsync(name);
        await ChooseAsync(page, dialog.GetByLabel("项目类别"), "道路");
        await ChooseAsync(page, dialog.GetByLabel("乡镇/街道"), known.GetProperty("township").GetString()!);
        await dialog.GetByLabel("总投资（万元）").FillAsync("12345.6789");
        await dialog.GetByLabel("建设内容").FillAsync("新建双向四车道城市主干路");
        await dialog.GetByLabel("计划开工日期").FillAsync($"{year}-03-01");
        await dialog.GetByLabel("计划竣工日期").FillAsync($"{year + 1}-12-31");
        await ChooseAsync(page, dialog.GetByLabel("分包领导"), Name("leader"));
        await ChooseAsync(page, dialog.GetByLabel("牵头单位"), Name("leadUnit"));
        await ChooseAsync(page, dialog.GetByLabel("责任单位"), Name("responsibleUnit"));
        await browser.ScreenshotAsync("planning-register-390");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记项目", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"#/projects/[^/]+$"));
        await Expect(page.Locator(".page-title h1")).ToContainTextAsync(name);
        var id = Uri.UnescapeDataString(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        var project = (await site.QueryAsync(DashboardSite.Users.Office, Registered, new { id })).GetProperty("project");
        Assert.Equal(123_456_789m, Figures.Amount(project.GetProperty("totalInvestment").GetProperty("totalInvestment")));
        Assert.Equal(Name("leader"), project.GetProperty("leader").GetProperty("name").GetString());
        Assert.Equal(Name("responsibleUnit"), project.GetProperty("responsibleUnit").GetProperty("name").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "下达年度计划", Exact = true }).ClickAsync();
        var plan = page.Locator(".annual-plan");
        for (var month = 1; month <= 12; month++)
        {
            await plan.GetByLabel($"{month}月计划（万元）", new() { Exact = true }).FillAsync(month == 3 ? "50.5" : "100");
        }

        await Expect(plan.Locator(".total")).ToContainTextAsync("1,150.5000万元");
        await browser.ScreenshotAsync("planning-annual-plan-390");
        await plan.GetByRole(AriaRole.Button, new() { Name = "下达计划", Exact = true }).ClickAsync();
        await Expect(plan).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "调整年度计划", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "新增节点", Exact = true }).ClickAsync();
        var node = page.Locator(".node-plan");
        await ChooseAsync(page, node.GetByLabel("节点类型"), "自定义节点");
        await node.GetByLabel("节点名称").FillAsync("箱涵主体完工");
        await node.GetByLabel("计划完成日期").FillAsync($"{year}-09-30");
        await node.GetByRole(AriaRole.Button, new() { Name = "新增", Exact = true }).ClickAsync();
        await Expect(node).ToBeHiddenAsync();
        await Expect(page.Locator(".nodes tbody tr", new() { HasTextString = "箱涵主体完工" })).ToContainTextAsync($"{year}-09-30");

        await page.GetByRole(AriaRole.Button, new() { Name = "调整年度计划", Exact = true }).ClickAsync();
        await plan.GetByLabel("12月计划（万元）", new() { Exact = true }).FillAsync("200");
        await plan.GetByRole(AriaRole.Button, new() { Name = "调整计划", Exact = true }).ClickAsync();
        await Expect(plan.Locator(".el-form-item.is-error")).ToContainTextAsync("调整须说明原因");
        await plan.GetByRole(AriaRole.Button, new() { Name = "取消", Exact = true }).ClickAsync();

        var row = page.Locator(".nodes tbody tr", new() { HasTextString = "箱涵主体完工" });
        await row.GetByRole(AriaRole.Button, new() { Name = "调整", Exact = true }).ClickAsync();
        await node.GetByLabel("调整后日期").FillAsync($"{year}-10-31");
        await node.GetByLabel("调整原因").FillAsync("管线迁改滞后");
        await node.GetByRole(AriaRole.Button, new() { Name = "调整", Exact = true }).ClickAsync();
        await Expect(node).ToBeHiddenAsync();
        await Expect(row).ToContainTextAsync($"{year}-10-31");

        project = (await site.QueryAsync(DashboardSite.Users.Office, Registered, new { id })).GetProperty("project");
        var annual = project.GetProperty("annualPlan");
        Assert.Equal(11_505_000m, Figures.Amount(annual.GetProperty("total")));
        Assert.Equal(505_000m, Figures.Amount(annual.GetProperty("monthly")[2]));
        var planned = project.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "箱涵主体完工");
        Assert.Equal($"{year}-09-30", planned.GetProperty("plannedDate").GetString());
        Assert.Equal($"{year}-10-31", planned.GetProperty("replannedDate").GetString());
        Assert.Equal("管线迁改滞后", planned.GetProperty("replanReason").GetString());
        await Expect(page.Locator(".kpi", new() { HasTextString = "年度计划" })).ToContainTextAsync(Figures.Money(annual.GetProperty("total")));
        await browser.AssertCleanAsync();
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("contractor")]
    public async Task other_roles_see_no_planning_buttons(string role)
    {
        var user = Roles.User(role);
        var id = (await site.QueryAsync(user, "{ projects(first: 1) { nodes { id } } }")).GetProperty("projects").GetProperty("nodes")[0].GetProperty("id").GetString()!;
        await using var browser = await site.OpenAsync();
        await browser.SignInAsync(user);

        await browser.GoToAsync("/projects");
        await Expect(browser.Page.Locator(".el-table__body tbody tr").First).ToBeVisibleAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "新建项目" })).ToHaveCountAsync(0);
        await browser.GoToAsync($"/projects/{Uri.EscapeDataString(id)}");
        await Expect(browser.Page.Locator(".nodes")).ToBeVisibleAsync();

        await Expect(browser.Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("年度计划|新增节点|调整") })).ToHaveCountAsync(0);
        await browser.AssertCleanAsync();
    }

    /// <summary>Opens an Element Plus select (a searchable one by typing the option) and picks the visible option of that name.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        if (await select.GetAttributeAsync("readonly") is null)
        {
            await select.FillAsync(option);
        }
        else
        {
            // The placeholder lies over the select's input; the click reaches the select through it.
            await select.ClickAsync(new() { Force = true });
        }

        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).Or(page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^" + Regex.Escape(option) + "（") })).First.ClickAsync();
    }
}
