using System.Net;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Hosting;

/// <summary>The built dashboard (tests/test.sh builds it before the .NET tests) is served by the server.</summary>
public sealed class dashboard_serving(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task the_root_leads_to_the_dashboard_and_its_index_and_assets_are_served()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = ServerProcess.Start(new Dictionary<string, string> { ["KEYWORKS_DB"] = database.ConnectionString });
        Assert.True(await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), cancellation), server.Errors);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        using var root = await client.GetAsync(new Uri("/", UriKind.Relative), cancellation);
        Assert.True(root.StatusCode == HttpStatusCode.Redirect, "the dashboard is not built: run `npm run build` in src/KeyWorks.Dashboard (tests/test.sh does)");
        Assert.Equal("/app/", root.Headers.Location?.OriginalString);

        var index = await client.GetStringAsync(new Uri("/app/", UriKind.Relative), cancellation);
        Assert.Contains("<div id=\"app\"", index, StringComparison.Ordinal);
        var asset = System.Text.RegularExpressions.Regex.Match(index, "/app/assets/[^\"]+\\.js").Value;
        Assert.NotEmpty(asset);
        using var script = await client.GetAsync(new Uri(asset, UriKind.Relative), cancellation);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("immutable", script.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }
}
