using KeyWorks.Bulletins.Printing;

namespace KeyWorks.Bulletins.Html;

/// <summary>The stylesheet, the chart start-up script and Apache ECharts, embedded in this assembly at build time.</summary>
internal static class BulletinAssets
{
    private static readonly Lazy<IReadOnlyDictionary<string, PageAsset>> All = new(Load);

    public static IReadOnlyDictionary<string, PageAsset> Files => All.Value;

    private static IReadOnlyDictionary<string, PageAsset> Load() => new Dictionary<string, PageAsset>
    {
        ["bulletin.css"] = new("text/css; charset=utf-8", Read("bulletin.css")),
        ["bulletin.js"] = new("text/javascript; charset=utf-8", Read("bulletin.js")),
        ["echarts.min.js"] = new("text/javascript; charset=utf-8", Read("echarts.min.js")),
    };

    private static byte[] Read(string name)
    {
        var assembly = typeof(BulletinAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream("KeyWorks.Bulletins." + name)
            ?? throw new InvalidOperationException(
                $"The bulletin asset '{name}' is not embedded in {assembly.GetName().Name}. " +
                "Run 'npm ci' in src/KeyWorks.Bulletins/assets and rebuild.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
