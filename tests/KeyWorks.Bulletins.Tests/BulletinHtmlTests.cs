using System.Text.RegularExpressions;
using KeyWorks.Bulletins.Html;

namespace KeyWorks.Bulletins.Tests;

public sealed class bulletin_html_escapes_user_text_and_orders_for_leaders
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public void a_script_in_a_project_name_becomes_text()
    {
        var document = SampleBulletin.Create((i, name) => i == 2 ? Script : name);

        var html = new BulletinHtmlRenderer().Render(document).Html;

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain(Script, html);
        // The chart JSON carries the name too, with < and > escaped so it cannot end its script block.
        Assert.Equal(3, Regex.Matches(html, "<script").Count);
    }

    [Theory]
    [InlineData("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("Robert'); DROP TABLE keyworks.event_rows; --", "Robert&#39;); DROP TABLE keyworks.event_rows; --")]
    public void markup_and_quotes_in_a_project_name_become_text(string name, string escaped)
    {
        var document = SampleBulletin.Create((i, n) => i == 2 ? name : n);

        var html = new BulletinHtmlRenderer().Render(document).Html;

        Assert.Contains(escaped, html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain(name, html);
    }

    [Fact]
    public void the_page_only_runs_its_own_scripts()
    {
        var html = new BulletinHtmlRenderer().Render(SampleBulletin.Create()).Html;

        Assert.Contains("script-src 'self'", html);
        Assert.Contains("<script src=\"echarts.js\"></script>", html);
    }

    [Fact]
    public void every_asset_the_page_loads_is_embedded()
    {
        var printable = new BulletinHtmlRenderer().Render(SampleBulletin.Create());

        foreach (var name in new[] { "bulletin.css", "bulletin.js", "echarts.js" })
        {
            Assert.Contains($"\"{name}\"", printable.Html);
            Assert.True(printable.Assets[name].Content.Length > 0, name);
        }

        // The parts of ECharts the charts use (about 0.6 MB), not the 1.1 MB full build.
        Assert.InRange(printable.Assets["echarts.js"].Content.Length, 300_000, 800_000);
    }

    [Fact]
    public void a_leaders_variant_lists_that_leaders_projects_first_and_starred()
    {
        var document = SampleBulletin.Create();
        var theirs = document.Projects.Where(p => p.Leader == SampleBulletin.Leader).Select(p => p.Name).ToList();
        var others = document.Projects.Where(p => p.Leader != SampleBulletin.Leader).Select(p => p.Name).ToList();

        var html = new BulletinHtmlRenderer().Render(document, new BulletinRenderOptions(SampleBulletin.Leader)).Html;

        var projectTable = html[html.IndexOf("项目投资完成情况", StringComparison.Ordinal)..];
        var lastOfTheirs = theirs.Max(n => projectTable.IndexOf("★" + HtmlWriter.Escape(n), StringComparison.Ordinal));
        var firstOfOthers = others.Min(n => projectTable.IndexOf(HtmlWriter.Escape(n), StringComparison.Ordinal));
        Assert.True(theirs.Count > 0);
        Assert.True(lastOfTheirs >= 0 && lastOfTheirs < firstOfOthers, "the leader's projects come before all others");
        Assert.Contains($"本版为{SampleBulletin.Leader}同志分包项目优先版", html);
    }

    [Fact]
    public void the_office_copy_keeps_the_office_order()
    {
        var document = SampleBulletin.Create();

        var html = new BulletinHtmlRenderer().Render(document).Html;

        Assert.DoesNotContain("★", html);
        var projectTable = html[html.IndexOf("项目投资完成情况", StringComparison.Ordinal)..];
        Assert.True(projectTable.IndexOf(document.Projects[0].Name, StringComparison.Ordinal) < projectTable.IndexOf(document.Projects[1].Name, StringComparison.Ordinal));
    }
}
