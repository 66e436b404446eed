using KeyWorks.Bulletins.Printing;

namespace KeyWorks.Bulletins.Html;

/// <summary>The stylesheet, the chart start-up script and the parts of Apache ECharts the charts use, embedded in this assembly at build time.</summary>
internal static class BulletinAssets
{
    private static readonly Lazy<IReadOnlyDictionary<string, PageAsset>> All = new(Load);

    public static IReadOnlyDictionary<string, PageAsset> Files => All.Value;

    private static IReadOnlyDictionary<string, PageAsset> Load() => new Dictionary<string, PageAsset>
    {
        ["bulletin.css"] = new("text/css; charset=utf-8", Read("bulletin.css")),
        ["bulletin.js"] = new("text/javascript; charset=utf-8", Read("bulletin.js")),
        ["echarts.js"] = new("text/javascript; charset=utf-8", Read("echarts.js")),
    };

    private static byte[] Read(string name)
    {
        var assembly = typeof(BulletinAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream("KeyWorks.Bulletins." + name)
            ?? throw new InvalidOperationException(
                $"The bulletin asset '{name}' is not embedded in {assembly.GetName().Name}. " +
                "Rebuild it with Node 20 and npm at hand (the build bundles src/KeyWorks.Bulletins/assets).");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
