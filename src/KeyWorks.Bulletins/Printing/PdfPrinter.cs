using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Playwright;

namespace KeyWorks.Bulletins.Printing;

/// <summary>
/// Prints HTML pages to PDF with a headless Chromium driven by Playwright. One browser serves every job
/// (started on first use) with one browser context; each job gets its own page, closed afterwards. When Chromium has died
/// the job fails with <see cref="BrowserUnavailableException"/> and the next job starts a new browser.
/// Safe to use from several threads at once.
/// </summary>
public sealed class PdfPrinter : IAsyncDisposable
{
    /// <summary>The made-up origin the page is served from; requests anywhere else are refused.</summary>
    public const string Origin = "http://bulletin.keyworks.invalid/";

    private const string PageName = "bulletin.html";
    private const string ReadyCondition = "() => window.bulletinReady === true || typeof window.bulletinError === 'string'";

    private readonly PdfPrinterOptions _options;
    private readonly SemaphoreSlim _launchGate = new(1, 1);
    private IPlaywright? _playwright;
    private RunningBrowser? _browser;
    private bool _disposed;

    static PdfPrinter()
    {
        // Playwright must never fetch a browser of its own; Chromium comes from the system.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    }

    public PdfPrinter(PdfPrinterOptions? options = null)
    {
        _options = options ?? new PdfPrinterOptions();
    }

    /// <summary>Renders <paramref name="document"/> and returns the PDF bytes.</summary>
    /// <exception cref="BrowserUnavailableException">Chromium died during the job; run it again.</exception>
    /// <exception cref="BulletinRenderTimeoutException">The job took longer than the render timeout.</exception>
    /// <exception cref="BulletinPrintException">The page failed to draw or Chromium could not print it.</exception>
    public async Task<byte[]> PrintAsync(PrintableDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var browser = await GetBrowserAsync(cancellationToken);
        var job = new PrintJob(document);
        var started = StartJob(browser, job);
        try
        {
            return await started.WaitAsync(_options.RenderTimeout, cancellationToken);
        }
        catch (System.TimeoutException) when (!started.IsCompleted)
        {
            throw new BulletinRenderTimeoutException(_options.RenderTimeout, job.Stage);
        }
        catch (PlaywrightException exception)
        {
            throw await ExplainAsync(browser, exception, job);
        }
        finally
        {
            if (!started.IsCompleted)
            {
                // An abandoned job ends when its page closes (below); if time ran out before the page existed,
                // the page is closed once the job gets that far. Its failure is expected and observed here.
                _ = started.ContinueWith(
                    t =>
                    {
                        _ = t.Exception;
                        return CloseQuietlyAsync(job.Page);
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.None,
                    TaskScheduler.Default).Unwrap();
            }

            await CloseQuietlyAsync(job.Page);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _launchGate.WaitAsync();
        try
        {
            _disposed = true;
            if (_browser is { } running)
            {
                await CloseQuietlyAsync(running.Browser);
                _browser = null;
            }

            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _launchGate.Release();
        }
    }

    private async Task<byte[]> StartJob(RunningBrowser browser, PrintJob job)
    {
        var page = job.Page = await browser.Context.NewPageAsync();
        // The outer timeout governs; Playwright's own must not fire first.
        page.SetDefaultTimeout((float)(_options.RenderTimeout + TimeSpan.FromSeconds(5)).TotalMilliseconds);
        await page.RouteAsync("**/*", job.ServeAsync);
        page.PageError += (_, error) => job.PageErrors.Enqueue(error);
        page.Dialog += (_, dialog) =>
        {
            job.Dialogs.Enqueue($"{dialog.Type}: {dialog.Message}");
            _ = DismissQuietlyAsync(dialog);
        };

        job.Stage = "loading the page";
        await page.GotoAsync(Origin + PageName, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        job.Stage = "drawing the charts";
        await page.WaitForFunctionAsync(ReadyCondition, null, new PageWaitForFunctionOptions { PollingInterval = 20 });
        var error = await page.EvaluateAsync<string?>("() => window.bulletinError ?? null");
        if (error is not null)
        {
            throw new BulletinPrintException($"The bulletin page failed to draw: {error}{job.DescribePageErrors()}");
        }

        job.Stage = "printing";
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        job.ThrowIfDialogsOpened();
        return pdf;
    }

    private async Task<RunningBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsAlive: true } alive)
        {
            return alive;
        }

        await _launchGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsAlive: true } launched)
            {
                return launched;
            }

            if (_browser is { } dead)
            {
                await CloseQuietlyAsync(dead.Browser);
                _browser = null;
            }

            _playwright ??= await Playwright.CreateAsync();
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ExecutablePath,
                Args = [.. _options.Arguments],
                Headless = true,
                Timeout = (float)_options.LaunchTimeout.TotalMilliseconds,
                HandleSIGINT = false,
                HandleSIGTERM = false,
                HandleSIGHUP = false,
            });
            // One context for all jobs: a context costs more to make than a page, and the pages share nothing
            // but the viewport, locale and time zone.
            IBrowserContext context;
            try
            {
                context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    // A4 at 96 dpi, so charts are laid out at the width they are printed.
                    ViewportSize = new ViewportSize { Width = 794, Height = 1123 },
                    Locale = "zh-CN",
                    TimezoneId = "Asia/Shanghai",
                    ServiceWorkers = ServiceWorkerPolicy.Block,
                });
            }
            catch (PlaywrightException)
            {
                await CloseQuietlyAsync(browser);
                throw;
            }

            _browser = new RunningBrowser(browser, context);
            return _browser;
        }
        catch (PlaywrightException exception)
        {
            throw new BulletinPrintException($"Chromium could not be started from '{_options.ExecutablePath}': {exception.Message}", exception);
        }
        finally
        {
            _launchGate.Release();
        }
    }

    private async Task<BulletinPrintException> ExplainAsync(RunningBrowser browser, PlaywrightException exception, PrintJob job)
    {
        // The page may report "target closed" a moment before the browser reports its disconnection.
        if (await browser.HasDiedAsync(TimeSpan.FromSeconds(5)))
        {
            return new BrowserUnavailableException(
                $"Chromium exited while {job.Stage}; the next job starts a new browser, so this one can be run again.",
                exception);
        }

        return new BulletinPrintException($"Chromium failed while {job.Stage}: {exception.Message}{job.DescribePageErrors()}", exception);
    }

    private static async Task DismissQuietlyAsync(IDialog dialog)
    {
        try
        {
            await dialog.DismissAsync();
        }
        catch (PlaywrightException)
        {
            // The page is gone already; the dialog went with it.
        }
    }

    private static async Task CloseQuietlyAsync(IPage? page)
    {
        if (page is null)
        {
            return;
        }

        try
        {
            await page.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception exception) when (exception is PlaywrightException or System.TimeoutException)
        {
            // A page of a dead browser needs no closing.
        }
    }

    private static async Task CloseQuietlyAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception exception) when (exception is PlaywrightException or System.TimeoutException)
        {
            // Already gone.
        }
    }

    private sealed class RunningBrowser
    {
        private readonly TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RunningBrowser(IBrowser browser, IBrowserContext context)
        {
            Browser = browser;
            Context = context;
            browser.Disconnected += (_, _) => _disconnected.TrySetResult();
        }

        public IBrowser Browser { get; }

        public IBrowserContext Context { get; }

        public bool IsAlive => Browser.IsConnected && !_disconnected.Task.IsCompleted;

        public async Task<bool> HasDiedAsync(TimeSpan grace)
        {
            if (!IsAlive)
            {
                return true;
            }

            await Task.WhenAny(_disconnected.Task, Task.Delay(grace));
            return !IsAlive;
        }
    }

    private sealed class PrintJob(PrintableDocument document)
    {
        public IPage? Page { get; set; }

        public string Stage { get; set; } = "opening a page";

        public ConcurrentQueue<string> PageErrors { get; } = new();

        public ConcurrentQueue<string> Dialogs { get; } = new();

        public Task ServeAsync(IRoute route)
        {
            var url = route.Request.Url;
            if (url == Origin + PageName)
            {
                return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = document.Html });
            }

            if (url.StartsWith(Origin, StringComparison.Ordinal) && document.Assets.TryGetValue(url[Origin.Length..], out var asset))
            {
                return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = asset.ContentType, BodyBytes = WholeArray(asset.Content) });
            }

            // Nothing outside the document is ever loaded: no network, no surprises in print.
            return route.AbortAsync("blockedbyclient");
        }

        /// <summary>The bytes without a copy when the memory is a whole array (ECharts is 1 MB, sent every job).</summary>
        private static byte[] WholeArray(ReadOnlyMemory<byte> content) =>
            MemoryMarshal.TryGetArray(content, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
                ? segment.Array
                : content.ToArray();

        public string DescribePageErrors() =>
            PageErrors.IsEmpty ? "" : " (script errors: " + string.Join(" | ", PageErrors) + ")";

        public void ThrowIfDialogsOpened()
        {
            if (!Dialogs.IsEmpty)
            {
                throw new BulletinPrintException("A script in the bulletin page opened a dialog, which the bulletin's own scripts never do: " + string.Join(" | ", Dialogs));
            }
        }
    }
}
