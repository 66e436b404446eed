using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KeyWorks.Testing;
using Microsoft.Playwright;

namespace KeyWorks.Dashboard.Tests;

/// <summary>
/// A real server process on a throwaway PostgreSQL cluster with the demo programme loaded, serving the built
/// dashboard at <c>/app/</c>, and one headless Chromium (Debian's) that each test opens its own context in.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];

    private readonly PostgresClusterFixture _cluster = new();
    private readonly Dictionary<string, string> _tokens = [];
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private ServerProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HttpClient? _http;

    /// <summary>The demo users (README's demo section): user name and password per role.</summary>
    public static class Users
    {
        public static readonly (string Name, string Password) Office = ("office-zhou", "office-demo");
        public static readonly (string Name, string Password) Leader = ("leader-wang", "leader-demo");
        public static readonly (string Name, string Password) Contractor = ("staff-3371d2db", "contractor-demo");
        public static readonly (string Name, string Password) Auditor = ("auditor-he", "auditor-demo");
    }

    public Uri BaseAddress => (_server ?? throw new InvalidOperationException("not started")).BaseAddress;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    public ServerProcess Server => _server ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        var dashboard = Path.Combine(Path.GetDirectoryName(ServerProcess.ServerAssembly())!, "wwwroot", "app", "index.html");
        if (!File.Exists(dashboard))
        {
            throw new FileNotFoundException($"the dashboard is not built into the server's output ({dashboard}): run `npm run build` in src/KeyWorks.Dashboard, then build the server", dashboard);
        }

        await _cluster.InitializeAsync();
        var connectionString = await _cluster.CreateDatabaseAsync("dashboard");
        // The server and every browser context run on the suite's clock, so the forms' default months and dates agree with
        // the server's on any day the suite runs.
        _server = ServerProcess.Start(new Dictionary<string, string>(SuiteClock.ServerSettings)
        {
            ["KEYWORKS_DB"] = connectionString,
            ["KeyWorks__Demo__Load"] = "true",
        });
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        var launching = LaunchBrowserAsync();
        await WaitForDemoAsync(_server, _http);
        await launching;
    }

    private async Task LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ChromiumArguments,
            Headless = true,
        });
    }

    private static async Task WaitForDemoAsync(ServerProcess server, HttpClient http)
    {
        if (!await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), CancellationToken.None))
        {
            throw new InvalidOperationException($"the server did not become healthy:\n{server.Output}\n{server.Errors}");
        }

        var clock = Stopwatch.StartNew();
        while (true)
        {
            var health = await http.GetFromJsonAsync<JsonElement>("health");
            var state = health.GetProperty("demo").GetProperty("state").GetString();
            if (state == "loaded")
            {
                return;
            }

            if (state is not ("waiting" or "loading") || clock.Elapsed > TimeSpan.FromMinutes(4))
            {
                throw new InvalidOperationException($"demo {state}:\n{server.Output}\n{server.Errors}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Opens a fresh browser context (its own storage) at the given viewport; Chinese unless told.</summary>
    public async Task<BrowserSession> OpenAsync(int width = 1440, int height = 900, bool english = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            IsMobile = width < 640,
            HasTouch = width < 640,
            AcceptDownloads = true,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        await context.Clock.InstallAsync(new ClockInstallOptions { TimeDate = SuiteClock.Now.UtcDateTime });
        if (english)
        {
            await context.AddInitScriptAsync("localStorage.setItem('keyworks.locale', 'en')");
        }

        return await BrowserSession.StartAsync(this, context);
    }

    /// <summary>Posts a GraphQL request as the given user (signed in once per test run) and returns <c>data</c>; fails on errors.</summary>
    public async Task<JsonElement> QueryAsync((string Name, string Password) user, string query, object? variables = null)
    {
        var result = await PostAsync(query, variables, await TokenAsync(user));
        if (result.TryGetProperty("errors", out var errors))
        {
            throw new InvalidOperationException($"the API refused the test's own query: {errors}");
        }

        return result.GetProperty("data");
    }

    /// <summary>Posts a GraphQL request and returns the whole response body.</summary>
    public async Task<JsonElement> PostAsync(string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http!.SendAsync(request, TestContext.Current.CancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>A token for the user, signed in through the API on first use.</summary>
    public async Task<string> TokenAsync((string Name, string Password) user)
    {
        await _tokenGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_tokens.TryGetValue(user.Name, out var known))
            {
                return known;
            }

            var result = await PostAsync("mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }",
                new { u = user.Name, p = user.Password });
            var token = result.GetProperty("data").GetProperty("login").GetProperty("token").GetString()
                ?? throw new InvalidOperationException($"{user.Name} could not sign in: {result}");
            _tokens[user.Name] = token;
            return token;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _http?.Dispose();
        _tokenGate.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _cluster.DisposeAsync();
    }
}
