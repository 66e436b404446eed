using System.Diagnostics;
using KeyWorks.Bulletins.Html;
using KeyWorks.Bulletins.Printing;

namespace KeyWorks.Bulletins.Tests;

public sealed class printer_survives_a_dead_browser_and_slow_pages
{
    private static readonly PrintableDocument NeverReady =
        new("<html><body><p>等待图表……</p></body></html>", new Dictionary<string, PageAsset>());

    private static readonly PrintableDocument Ready =
        new("<html><body><p>月通报</p><script>window.bulletinReady = true;</script></body></html>", new Dictionary<string, PageAsset>());

    [Fact]
    public async Task killing_chromium_mid_render_fails_retriably_and_the_next_render_relaunches_it()
    {
        var marker = $"--keyworks-test-printer={Guid.NewGuid():N}";
        var options = new PdfPrinterOptions { RenderTimeout = TimeSpan.FromSeconds(60) };
        options.Arguments.Add(marker);
        await using var printer = new PdfPrinter(options);
        await printer.PrintAsync(Ready, TestContext.Current.CancellationToken);
        var first = BrowserProcess(marker);

        var stuck = printer.PrintAsync(NeverReady, TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.False(stuck.IsCompleted);
        using (var process = Process.GetProcessById(first))
        {
            process.Kill();
        }

        var error = await Assert.ThrowsAsync<BrowserUnavailableException>(() => stuck);
        Assert.True(error.IsRetriable);

        var pdf = await printer.PrintAsync(new BulletinHtmlRenderer().Render(SampleBulletin.Create()), TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.NotEqual(first, BrowserProcess(marker));
    }

    [Fact]
    public async Task a_page_that_never_finishes_drawing_times_out_with_a_clear_error()
    {
        await using var printer = new PdfPrinter(new PdfPrinterOptions { RenderTimeout = TimeSpan.FromSeconds(5) });
        // A first job starts the browser, so the timed job is past loading when time runs out.
        await printer.PrintAsync(Ready, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<BulletinRenderTimeoutException>(() => printer.PrintAsync(NeverReady, TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(5), error.Timeout);
        Assert.Equal("drawing the charts", error.Stage);
        Assert.Contains("did not finish within 5 s", error.Message);
        Assert.False(error.IsRetriable);
        // The same browser still prints the next job.
        var pdf = await printer.PrintAsync(Ready, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }

    [Fact]
    public async Task jobs_run_at_once_share_one_browser_and_each_gets_its_own_page()
    {
        var marker = $"--keyworks-test-printer={Guid.NewGuid():N}";
        var options = new PdfPrinterOptions();
        options.Arguments.Add(marker);
        await using var printer = new PdfPrinter(options);
        var pages = Enumerable.Range(1, 4)
            .Select(i => new PrintableDocument($"<html><body><p>bulletin-{i}</p><script>window.bulletinReady = true;</script></body></html>", new Dictionary<string, PageAsset>()))
            .ToList();

        var pdfs = await Task.WhenAll(pages.Select(page => printer.PrintAsync(page, TestContext.Current.CancellationToken)));

        for (var i = 0; i < pdfs.Length; i++)
        {
            var text = await PdfTools.TextAsync(await PdfTools.SaveAsync($"parallel-{i + 1}", pdfs[i]));
            Assert.Contains($"bulletin-{i + 1}", text);
        }

        Assert.True(BrowserProcess(marker) > 0);
    }

    [Fact]
    public async Task a_missing_chromium_is_reported_with_its_path()
    {
        await using var printer = new PdfPrinter(new PdfPrinterOptions { ExecutablePath = "/nonexistent/chromium" });

        var error = await Assert.ThrowsAsync<BulletinPrintException>(() => printer.PrintAsync(Ready, TestContext.Current.CancellationToken));

        Assert.Contains("/nonexistent/chromium", error.Message);
    }

    /// <summary>The one Chromium browser process (not its helpers) started with the marker argument.</summary>
    private static int BrowserProcess(string marker)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains(marker, StringComparison.Ordinal) && !commandLine.Contains("--type=", StringComparison.Ordinal))
            {
                found.Add(pid);
            }
        }

        return found.Count == 1 ? found[0] : throw new InvalidOperationException($"{found.Count} Chromium browser processes carry {marker}, expected one");
    }
}
