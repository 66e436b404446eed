using System.Net;
using System.Net.Sockets;
using System.Text;
using KeyWorks.Bulletins.Printing;

namespace KeyWorks.Bulletins.Tests;

/// <summary>The printer's loopback server: known assets and live job pages only, to this host only.</summary>
public sealed class serving_pages_to_chromium
{
    private static readonly Dictionary<string, PageAsset> Assets = new()
    {
        ["bulletin.css"] = new("text/css; charset=utf-8", Encoding.UTF8.GetBytes("body { color: black; }")),
        ["chart.js"] = new("text/javascript; charset=utf-8", Encoding.UTF8.GetBytes("window.chartLoaded = true;")),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_job_page_is_served_while_it_is_published_and_assets_are_cacheable_for_good()
    {
        await using var server = new LoopbackPageServer();
        using var http = new HttpClient();

        string pageUrl;
        using (var page = server.Publish(new PrintableDocument("<p>月通报</p>", Assets)))
        {
            pageUrl = page.Url;
            Assert.StartsWith($"http://127.0.0.1:{server.Port}/v/", pageUrl);
            Assert.Equal("<p>月通报</p>", await http.GetStringAsync(pageUrl, Ct));

            var asset = await http.GetAsync(new Uri(new Uri(pageUrl), "chart.js"), Ct);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Equal("window.chartLoaded = true;", await asset.Content.ReadAsStringAsync(Ct));
            Assert.True(asset.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), asset.Headers.CacheControl?.ToString());
            Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(pageUrl, Ct)).StatusCode);
        Assert.Equal(Assets.Count, server.ResourceCount);
    }

    [Fact]
    public async Task the_same_assets_are_published_once_at_one_address()
    {
        await using var server = new LoopbackPageServer();

        using var first = server.Publish(new PrintableDocument("a", Assets));
        using var second = server.Publish(new PrintableDocument("b", new Dictionary<string, PageAsset>(Assets)));
        using var changed = server.Publish(new PrintableDocument("c", new Dictionary<string, PageAsset>(Assets)
        {
            ["chart.js"] = new("text/javascript; charset=utf-8", Encoding.UTF8.GetBytes("window.chartLoaded = 2;")),
        }));

        Assert.NotEqual(first.Url, second.Url);
        Assert.Equal(Folder(first.Url), Folder(second.Url));
        Assert.NotEqual(Folder(first.Url), Folder(changed.Url));
        Assert.Equal((2 * Assets.Count) + 3, server.ResourceCount);
    }

    [Theory]
    [InlineData("GET /v/../etc/passwd HTTP/1.1", "404")]
    [InlineData("GET /etc/passwd HTTP/1.1", "404")]
    [InlineData("GET / HTTP/1.1", "404")]
    [InlineData("GET http://example.com/ HTTP/1.1", "404")]
    [InlineData("CONNECT example.com:443 HTTP/1.1", "405")]
    [InlineData("POST {folder}chart.js HTTP/1.1", "405")]
    [InlineData("GET {folder}%2e%2e/chart.js HTTP/1.1", "404")]
    [InlineData("GET {folder}chart.js HTTP/1.1", "200")]
    public async Task only_known_paths_are_answered(string requestLine, string status)
    {
        await using var server = new LoopbackPageServer();
        using var page = server.Publish(new PrintableDocument("x", Assets));

        var answer = await RawRequestAsync(server, requestLine.Replace("{folder}", Folder(page.Url), StringComparison.Ordinal), $"127.0.0.1:{server.Port}");

        Assert.StartsWith($"HTTP/1.1 {status} ", answer);
    }

    [Fact]
    public async Task a_request_naming_another_host_is_refused()
    {
        await using var server = new LoopbackPageServer();
        using var page = server.Publish(new PrintableDocument("x", Assets));

        // A page of ours reached through a name that resolves to loopback (DNS rebinding) is not served.
        var answer = await RawRequestAsync(server, $"GET {new Uri(page.Url).AbsolutePath} HTTP/1.1", "attacker.example");

        Assert.StartsWith("HTTP/1.1 404 ", answer);
        Assert.Equal(1, server.RefusedCount);
    }

    [Fact]
    public async Task a_page_cannot_reach_any_other_address()
    {
        await using var printer = new PdfPrinter();
        var page = new PrintableDocument(
            "<html><body><img src=\"http://printing-test.example/pixel.png\" onerror=\"window.bulletinReady = true\" onload=\"window.bulletinError = 'loaded from elsewhere'\"></body></html>",
            new Dictionary<string, PageAsset>());

        await printer.PrintAsync(page, Ct);

        // The browser's proxy is the printer's own server, which refused the request.
        Assert.True(printer.Server!.RefusedCount >= 1);
        Assert.Equal(0, printer.Server.ResourceCount);
    }

    private static string Folder(string url) => new Uri(url).AbsolutePath[..(new Uri(url).AbsolutePath.LastIndexOf('/') + 1)];

    private static async Task<string> RawRequestAsync(LoopbackPageServer server, string requestLine, string host)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port, Ct);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{requestLine}\r\nHost: {host}\r\n\r\n"), Ct);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, Ct);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
