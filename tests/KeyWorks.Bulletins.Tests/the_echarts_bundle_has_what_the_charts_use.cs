using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KeyWorks.Bulletins.Html;

namespace KeyWorks.Bulletins.Tests;

/// <summary>
/// The embedded ECharts holds only the parts registered in assets/charts.js, and ECharts skips an unregistered
/// series type or component without an error, so a chart needing one would print with a hole instead of failing.
/// </summary>
public sealed class the_echarts_bundle_has_what_the_charts_use
{
    private static readonly Dictionary<string, string?> OptionKeys = new(StringComparer.Ordinal)
    {
        ["series"] = null, ["animation"] = null, ["color"] = null, ["backgroundColor"] = null, ["textStyle"] = null,
        ["grid"] = "GridComponent", ["xAxis"] = "GridComponent", ["yAxis"] = "GridComponent",
        ["legend"] = "LegendComponent", ["title"] = "TitleComponent", ["tooltip"] = "TooltipComponent",
        ["dataZoom"] = "DataZoomComponent", ["visualMap"] = "VisualMapComponent", ["graphic"] = "GraphicComponent",
    };

    private static readonly Dictionary<string, string> SeriesKeys = new(StringComparer.Ordinal)
    {
        ["markLine"] = "MarkLineComponent", ["markPoint"] = "MarkPointComponent", ["markArea"] = "MarkAreaComponent",
    };

    [Fact]
    public void every_series_type_and_component_of_the_sample_is_registered()
    {
        var html = BulletinHtmlRenderer.RenderHtml(SampleBulletin.Create(), BulletinRenderOptions.Default);
        var json = Regex.Match(html, "<script type=\"application/json\" id=\"bulletin-charts\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var needed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var chart in JsonNode.Parse(json)!.AsArray())
        {
            var option = chart!["option"]!.AsObject();
            foreach (var (key, _) in option)
            {
                Assert.True(OptionKeys.TryGetValue(key, out var component), $"option key '{key}': say which ECharts component it needs");
                if (component is not null)
                {
                    needed.Add(component);
                }
            }

            foreach (var series in option["series"]!.AsArray())
            {
                var type = series!["type"]!.GetValue<string>();
                needed.Add(char.ToUpperInvariant(type[0]) + type[1..] + "Chart");
                needed.UnionWith(series.AsObject().Where(p => SeriesKeys.ContainsKey(p.Key)).Select(p => SeriesKeys[p.Key]));
            }
        }

        var registered = Regex.Match(File.ReadAllText(ChartsScript()), @"echarts\.use\(\[(.*?)\]\)", RegexOptions.Singleline).Groups[1].Value
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("SVGRenderer", registered);
        Assert.Empty(needed.Except(registered));
        Assert.Contains("LinesChart", needed);
    }

    private static string ChartsScript()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Projects.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("Projects.sln not found above the test output"), "src", "KeyWorks.Bulletins", "assets", "charts.js");
    }
}
