using System.Text.Json.Nodes;

namespace KeyWorks.Bulletins.Charts;

/// <summary>
/// One chart of the bulletin: an ECharts option object and the size of its box on the page.
/// The option is plain JSON (no functions), so the same definition can feed the dashboard.
/// </summary>
/// <param name="Id">element id in the page</param>
/// <param name="Caption">figure caption printed under the chart</param>
/// <param name="WidthMm">box width on the A4 page</param>
/// <param name="HeightMm">box height on the A4 page</param>
public sealed record ChartSpec(string Id, string Caption, int WidthMm, int HeightMm, JsonObject Option);
