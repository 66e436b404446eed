using System.Text.RegularExpressions;
using KeyWorks.Bulletins.Html;
using KeyWorks.Bulletins.Model;
using KeyWorks.Bulletins.Printing;

namespace KeyWorks.Bulletins.Tests;

public sealed class printed_bulletin_reads_back_complete(PrinterFixture fixture) : IClassFixture<PrinterFixture>
{
    private static readonly string[] SectionHeadings =
    [
        "一、总体进展",
        "二、分类别、分区域完成情况",
        "三、项目投资完成情况",
        "四、责任单位排名",
        "五、节点完成情况",
        "六、滞后项目",
        "七、问题清单",
        "八、下月节点安排",
        "九、工作建议",
        "十、数据更正说明",
    ];

    [Fact]
    public async Task every_section_heading_key_figure_and_page_number_is_in_the_pdf()
    {
        var document = SampleBulletin.Create();

        var printable = new BulletinHtmlRenderer().Render(document);
        var pdf = await fixture.Printer.PrintAsync(printable, TestContext.Current.CancellationToken);

        await File.WriteAllTextAsync(Path.Combine(PdfTools.ArtifactsFolder, "sample.html"), printable.Html, TestContext.Current.CancellationToken);
        var path = await PdfTools.SaveAsync("sample", pdf);
        var text = await PdfTools.TextAsync(path);
        var pages = await PdfTools.PageCountAsync(path);
        Assert.True(pages >= 4, $"{pages} pages");
        foreach (var heading in SectionHeadings)
        {
            Assert.Contains(heading, text);
        }

        Assert.Contains("高新区“三十工程”项目建设进展月通报", text);
        Assert.Contains("2026年第10期", text);
        Assert.Contains("指挥部办公室审核确认", text);
        var totals = document.Totals;
        Assert.Contains($"年度计划投资{BulletinFormat.Money(totals.AnnualPlan)}", text);
        Assert.Contains($"累计完成投资{BulletinFormat.Money(totals.CompletedYearToDate)}，占年度计划的{BulletinFormat.Percent(totals.CompletionRate)}", text);
        Assert.Contains("累计交办问题194个", text);
        Assert.Contains("办结销号184个", text);
        Assert.Contains(BulletinFormat.InWan(document.Projects[0].CompletedYearToDate), text);
        Assert.Contains("红旗", text);
        Assert.Contains("黑旗", text);
        // Footers: pdftotext may drop the thin spaces around the numbers.
        Assert.Matches(new Regex($@"第\s*1\s*页\s*共\s*{pages}\s*页"), text);
        Assert.Matches(new Regex($@"第\s*{pages}\s*页\s*共\s*{pages}\s*页"), text);
        // Each chart was drawn as SVG text (axis names, legends) into the PDF.
        Assert.Contains("计划累计", text);
        Assert.Contains("全区序时进度", text);
        Assert.Contains("30天以上", text);

        await PdfTools.PageImageAsync(path, 1);
        await PdfTools.PageImageAsync(path, 3);
    }

    [Fact]
    public async Task a_script_in_a_project_name_is_printed_as_text_and_never_runs()
    {
        var document = SampleBulletin.Create((i, name) => i == 0 ? "<script>alert(1)</script>" : name);

        // The printer fails a job whose page opens a dialog, so a successful print proves alert(1) never ran.
        var pdf = await fixture.Printer.PrintAsync(new BulletinHtmlRenderer().Render(document), TestContext.Current.CancellationToken);

        var text = await PdfTools.TextAsync(await PdfTools.SaveAsync("escaped", pdf));
        Assert.Contains("<script>alert(1)</script>", text);
    }

    [Fact]
    public async Task a_page_whose_script_opens_a_dialog_is_refused()
    {
        var page = new PrintableDocument("<html><body><p>x</p><script>alert(1); window.bulletinReady = true;</script></body></html>", new Dictionary<string, PageAsset>());

        var error = await Assert.ThrowsAsync<BulletinPrintException>(() => fixture.Printer.PrintAsync(page, TestContext.Current.CancellationToken));

        Assert.Contains("dialog", error.Message);
        Assert.False(error.IsRetriable);
    }

    [Fact]
    public async Task a_page_that_fails_to_draw_says_why()
    {
        var page = new PrintableDocument("<html><body><script>window.bulletinError = 'no chart data';</script></body></html>", new Dictionary<string, PageAsset>());

        var error = await Assert.ThrowsAsync<BulletinPrintException>(() => fixture.Printer.PrintAsync(page, TestContext.Current.CancellationToken));

        Assert.Contains("no chart data", error.Message);
    }

    [Fact]
    public async Task a_leaders_copy_prints_their_projects_first()
    {
        var document = SampleBulletin.Create();
        var first = document.Projects.First(p => p.Leader == SampleBulletin.Leader);

        var pdf = await fixture.Printer.PrintAsync(new BulletinHtmlRenderer().Render(document, new BulletinRenderOptions(SampleBulletin.Leader)), TestContext.Current.CancellationToken);

        var text = await PdfTools.TextAsync(await PdfTools.SaveAsync("leader", pdf));
        var table = text[text.IndexOf("三、项目投资完成情况", StringComparison.Ordinal)..];
        var firstRow = table.Split('\n').First(l => l.TrimStart().StartsWith('1'));
        Assert.Contains("★" + first.Name[..4], firstRow);
    }
}
