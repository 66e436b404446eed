using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace KeyWorks.Dashboard.Tests;

/// <summary>
/// One browser context and page of a test. Everything that should never happen is recorded: console errors, page
/// errors, failed requests, HTTP errors and GraphQL responses carrying <c>errors</c>; <see cref="AssertCleanAsync"/>
/// fails the test on any of them but those the test declared deliberate with <see cref="Expect"/>.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly List<string> _expected = [];
    private int _inFlight;

    private BrowserSession(DashboardSite site, IBrowserContext context, IPage page)
    {
        Site = site;
        _context = context;
        Page = page;
    }

    public DashboardSite Site { get; }

    public IPage Page { get; }

    public IBrowserContext Context => _context;

    internal static async Task<BrowserSession> StartAsync(DashboardSite site, IBrowserContext context)
    {
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(site, context, page);
        session.Watch(page);
        // Every GraphQL answer passes through here, so none goes unread: a body with "errors" is a failure.
        await context.RouteAsync("**/graphql", session.InspectGraphQLAsync);
        return session;
    }

    private void Finished(IRequest request)
    {
        if (request.ResourceType is "fetch" or "xhr")
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task InspectGraphQLAsync(IRoute route)
    {
        if (route.Request.Method != "POST")
        {
            await route.ContinueAsync();
            return;
        }

        IAPIResponse response;
        try
        {
            response = await route.FetchAsync();
        }
        catch (PlaywrightException exception)
        {
            _problems.Enqueue($"GraphQL request failed: {exception.Message}");
            await route.AbortAsync();
            return;
        }

        var body = await response.TextAsync();
        if (body.Contains("\"errors\"", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors))
            {
                _problems.Enqueue($"GraphQL errors: {errors.GetRawText()}");
            }
        }

        await route.FulfillAsync(new() { Response = response });
    }

    /// <summary>Watches another page of the context (a second tab) the same way.</summary>
    public void Watch(IPage page)
    {
        page.Request += (_, request) =>
        {
            if (request.ResourceType is "fetch" or "xhr")
            {
                Interlocked.Increment(ref _inFlight);
            }
        };
        page.RequestFinished += (_, request) => Finished(request);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Enqueue($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"page error: {error}");
        page.RequestFailed += (_, request) =>
        {
            Finished(request);
            _problems.Enqueue($"request failed: {request.Method} {request.Url}: {request.Failure}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _problems.Enqueue($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    /// <summary>Declares a problem deliberate: recorded problems containing this text do not fail the test.</summary>
    public void Expect(string text) => _expected.Add(text);

    /// <summary>Opens a dashboard route (hash path such as <c>/overview</c>).</summary>
    public async Task GoToAsync(string route)
    {
        await Page.GotoAsync($"/app/#{route}");
    }

    /// <summary>Signs in through the login page and waits until the role's home page is shown.</summary>
    public async Task SignInAsync((string Name, string Password) user)
    {
        await GoToAsync("/login");
        await Page.GetByLabel(new System.Text.RegularExpressions.Regex("用户名|User name")).FillAsync(user.Name);
        await Page.GetByLabel(new System.Text.RegularExpressions.Regex("密码|Password")).FillAsync(user.Password);
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(登录|Sign in)$") }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>
    /// Waits until no fetch has been in flight for a moment (the page has drawn what it loaded). The browser's own
    /// "network idle" is a state of the document, reached once: moving between hash routes does not reset it.
    /// </summary>
    public async Task SettleAsync()
    {
        var quiet = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (quiet < 3 && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
            quiet = Volatile.Read(ref _inFlight) == 0 ? quiet + 1 : 0;
        }
    }

    /// <summary>Saves a full-page screenshot when <c>KEYWORKS_SCREENSHOTS</c> names a folder.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("KEYWORKS_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Fails when anything went wrong in the browser that the test did not declare deliberate.</summary>
    public async Task AssertCleanAsync()
    {
        await SettleAsync();
        var unexpected = _problems.Where(p => !_expected.Exists(e => p.Contains(e, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, "the browser reported:\n" + string.Join("\n", unexpected));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
    }
}
