using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace KeyWorks.Bulletins.Printing;

/// <summary>
/// Prints HTML pages to PDF with a headless Chromium driven by Playwright. One browser serves every job
/// (started on first use) with one browser context; a job takes a page a finished job left open (its renderer has
/// the fonts and the chart script warm) or opens one, and loads the document from the printer's loopback server.
/// A page that failed is closed. When Chromium has died the job fails with <see cref="BrowserUnavailableException"/>
/// and the next job starts a new browser.
/// Safe to use from several threads at once.
/// </summary>
public sealed class PdfPrinter : IAsyncDisposable
{
    /// <summary>How many jobs one page (and so one renderer process) prints before it is closed.</summary>
    internal const int JobsPerPage = 10;

    private const string ReadyCondition = "() => window.bulletinReady === true || typeof window.bulletinError === 'string'";

    private readonly PdfPrinterOptions _options;
    private readonly SemaphoreSlim _launchGate = new(1, 1);
    private IPlaywright? _playwright;
    private LoopbackPageServer? _server;
    private RunningBrowser? _browser;
    private bool _disposed;

    static PdfPrinter()
    {
        // Playwright must never fetch a browser of its own; Chromium comes from the system.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    }

    /// <summary>The loopback server, once the first job has started the browser (for tests).</summary>
    internal LoopbackPageServer? Server => _server;

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

            // A kept page is navigated by the next job: its renderer keeps fonts, shaping and compiled script warm.
            if (!(started.IsCompletedSuccessfully && job.Page is { } page && browser.TryKeep(page)))
            {
                await CloseQuietlyAsync(job.Page);
            }
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
            if (_server is { } server)
            {
                await server.DisposeAsync();
                _server = null;
            }
        }
        finally
        {
            _launchGate.Release();
        }
    }

    private async Task<byte[]> StartJob(RunningBrowser browser, PrintJob job)
    {
        using var published = browser.Server.Publish(job.Document);
        var page = job.Page = browser.TakeKeptPage() ?? await browser.Context.NewPageAsync();
        // The outer timeout governs; Playwright's own must not fire first.
        page.SetDefaultTimeout((float)(_options.RenderTimeout + TimeSpan.FromSeconds(5)).TotalMilliseconds);
        page.PageError += job.OnPageError;
        page.Dialog += job.OnDialog;
        try
        {
            job.Stage = "loading the page";
            await page.GotoAsync(published.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
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
        finally
        {
            page.PageError -= job.OnPageError;
            page.Dialog -= job.OnDialog;
        }
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
            // Pages and assets come from our own loopback server, which lives as long as the printer, so Chromium's
            // HTTP cache and V8's code cache keep the chart script across jobs and across browser restarts.
            _server ??= new LoopbackPageServer();
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ExecutablePath,
                // Every request that is not for the loopback server goes to it as a proxy request, and is refused.
                Args = [.. _options.Arguments, $"--proxy-server=http://127.0.0.1:{_server.Port}"],
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

            _browser = new RunningBrowser(browser, context, _server);
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
        private readonly ConcurrentBag<IPage> _keptPages = [];
        private readonly ConcurrentDictionary<IPage, int> _pageUses = new();

        public RunningBrowser(IBrowser browser, IBrowserContext context, LoopbackPageServer server)
        {
            Browser = browser;
            Context = context;
            Server = server;
            browser.Disconnected += (_, _) => _disconnected.TrySetResult();
        }

        public IBrowser Browser { get; }

        public IBrowserContext Context { get; }

        public LoopbackPageServer Server { get; }

        /// <summary>A page a finished job left behind, still alive, or null.</summary>
        public IPage? TakeKeptPage()
        {
            while (_keptPages.TryTake(out var page))
            {
                if (!page.IsClosed)
                {
                    return page;
                }
            }

            return null;
        }

        /// <summary>
        /// Keeps a page for the next job, up to one per core and <see cref="JobsPerPage"/> jobs per page (so a
        /// renderer's caches cannot grow without bound); false when the page should be closed instead.
        /// </summary>
        public bool TryKeep(IPage page)
        {
            var uses = _pageUses.AddOrUpdate(page, 1, (_, n) => n + 1);
            if (page.IsClosed || !IsAlive || uses >= JobsPerPage || _keptPages.Count >= Environment.ProcessorCount)
            {
                _pageUses.TryRemove(page, out _);
                return false;
            }

            _keptPages.Add(page);
            return true;
        }

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
        public PrintableDocument Document { get; } = document;

        public IPage? Page { get; set; }

        public string Stage { get; set; } = "opening a page";

        public ConcurrentQueue<string> PageErrors { get; } = new();

        public ConcurrentQueue<string> Dialogs { get; } = new();

        public void OnPageError(object? sender, string error) => PageErrors.Enqueue(error);

        public void OnDialog(object? sender, IDialog dialog)
        {
            Dialogs.Enqueue($"{dialog.Type}: {dialog.Message}");
            _ = DismissQuietlyAsync(dialog);
        }

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
