using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KeyWorks.Bulletins.Charts;
using KeyWorks.Bulletins.Model;
using KeyWorks.Bulletins.Printing;

namespace KeyWorks.Bulletins.Html;

/// <summary>
/// Lays out a <see cref="BulletinDocument"/> as a Chinese A4 HTML page: title block, ten numbered sections,
/// tables with repeating headers and ECharts charts drawn as SVG. All text from the model is HTML-escaped;
/// chart options travel as JSON in a non-executable block read by the page's own script.
/// </summary>
public sealed partial class BulletinHtmlRenderer
{
    private static readonly JsonSerializerOptions ChartJson = new()
    {
        // The default encoder escapes < > & ' so the JSON cannot close its <script> block.
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    /// <summary>The page and its assets, ready for <see cref="PdfPrinter"/>.</summary>
    public PrintableDocument Render(BulletinDocument document, BulletinRenderOptions? options = null) =>
        new(RenderHtml(document, options ?? BulletinRenderOptions.Default), BulletinAssets.Files);

    internal static string RenderHtml(BulletinDocument document, BulletinRenderOptions options)
    {
        var layout = new Layout(document, options);
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:\">")
            .Open("title").Text($"{document.Title.Heading}（{document.Title.IssueLabel}）").Close("title")
            .Raw("<link rel=\"stylesheet\" href=\"bulletin.css\"></head><body>");

        WriteTitleBlock(html, layout);
        var number = 0;
        WriteTotals(html, layout, ++number);
        WriteGroups(html, layout, ++number);
        WriteProjects(html, layout, ++number);
        WriteUnitRanking(html, layout, ++number);
        WriteNodes(html, layout, ++number);
        WriteLagging(html, layout, ++number);
        WriteProblems(html, layout, ++number);
        WriteNextMonth(html, layout, ++number);
        WriteRecommendations(html, layout, ++number);
        WriteRevisions(html, layout, ++number);

        html.Raw("<script type=\"application/json\" id=\"bulletin-charts\">")
            .Raw(ChartsJson(layout.Charts))
            .Raw("</script><script src=\"echarts.js\"></script><script src=\"bulletin.js\"></script></body></html>");
        return html.ToString();
    }

    private static string ChartsJson(IEnumerable<ChartSpec> charts)
    {
        var list = new JsonArray(charts.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["option"] = c.Option.DeepClone() }).ToArray());
        return list.ToJsonString(ChartJson);
    }

    private static void WriteTitleBlock(HtmlWriter html, Layout layout)
    {
        var title = layout.Document.Title;
        html.Open("header", "masthead")
            .Element("div", "masthead-name", $"{title.Programme}月通报")
            .Element("div", "masthead-issue", title.IssueLabel)
            .Open("div", "masthead-line").Element("span", null, title.IssuingOffice).Element("span", null, BulletinFormat.Date(title.IssuedOn)).Close("div")
            .Close("header")
            .Element("h1", null, title.Heading)
            .Element("div", "subtitle", $"（{title.Year}年{title.Month}月）")
            .Element(
                "p",
                "note",
                $"说明：本期通报反映{title.Year}年{title.Month}月项目建设进展，数据截至{BulletinFormat.Instant(title.Cutoff)}，" +
                "均为指挥部办公室审核确认的数据；截止时间后报送或更正的数据，在下期通报“数据更正说明”中列示。");
        if (layout.Leader is { } leader)
        {
            html.Element("p", "note leader-note", $"本版为{leader}同志分包项目优先版：{leader}同志分包的{layout.LeaderProjectCount}个项目排在各表前列，并以“★”标注。");
        }
    }

    /// <summary>A numbered section; the heading is kept on the page of the block that follows it.</summary>
    private static void OpenSection(HtmlWriter html, int number, string title) =>
        html.Open("section").Element("h2", null, $"{BulletinFormat.ChineseNumber(number)}、{title}");

    private static void WriteChart(HtmlWriter html, ChartSpec chart)
    {
        html.Raw("<figure class=\"chart\">")
            .Raw($"<div class=\"chart-box\" id=\"{HtmlWriter.Escape(chart.Id)}\" style=\"width:{chart.WidthMm}mm;height:{chart.HeightMm}mm\"></div>")
            .Element("figcaption", null, chart.Caption)
            .Raw("</figure>");
    }

    private static void WriteChartRow(HtmlWriter html, params ChartSpec[] charts)
    {
        html.Open("div", "chart-row");
        foreach (var chart in charts)
        {
            WriteChart(html, chart);
        }

        html.Close("div");
    }

    /// <summary>The document with the leader's ordering applied, and the charts collected as sections add them.</summary>
    private sealed class Layout
    {
        private readonly HashSet<string> _leaderProjects;

        public Layout(BulletinDocument document, BulletinRenderOptions options)
        {
            Document = document;
            Leader = string.IsNullOrWhiteSpace(options.LeaderFirst) ? null : options.LeaderFirst;
            _leaderProjects = Leader is null
                ? []
                : document.Projects.Where(p => p.Leader == Leader).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        }

        public BulletinDocument Document { get; }

        public string? Leader { get; }

        public int LeaderProjectCount => _leaderProjects.Count;

        public List<ChartSpec> Charts { get; } = [];

        public ChartSpec Add(ChartSpec chart)
        {
            Charts.Add(chart);
            return chart;
        }

        public bool IsLeaders(string projectId) => _leaderProjects.Contains(projectId);

        /// <summary>The leader's projects first, otherwise the office's order (a stable sort).</summary>
        public IReadOnlyList<T> Ordered<T>(IEnumerable<T> rows, Func<T, string> projectId) =>
            Leader is null ? rows.ToList() : rows.OrderBy(r => IsLeaders(projectId(r)) ? 0 : 1).ToList();

        /// <summary>A project name as printed: starred in the leader's variant when it is theirs.</summary>
        public string Name(string projectId, string name) => IsLeaders(projectId) ? "★" + name : name;
    }
}
