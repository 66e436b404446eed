using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KeyWorks.Testing;

namespace KeyWorks.Server.Benchmarks;

/// <summary>
/// Starts a server (its Release build output, a private PostgreSQL cluster in a temporary folder, the demo grown to
/// <c>--projects</c> projects) or targets <c>--url</c>, signs in, and runs <c>--clients</c> concurrent clients, each
/// sending one request after another, against the dashboard's overview and its project list (first 50), one after the
/// other: a warm-up, then <c>--seconds</c> of measurement each. Reports latency percentiles and throughput.
/// <c>--no-response-cache</c> measures every answer computed afresh.
/// </summary>
public static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => int.Parse(Option(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var seconds = Number("--seconds", 20);
        var clients = Number("--clients", 32);
        var projects = Number("--projects", 500);
        var url = Option("--url");
        var user = Option("--user") ?? "office-zhou";
        var password = Option("--password") ?? "office-demo";
        var cacheOff = args.Contains("--no-response-cache");

        var folder = Path.Combine(Path.GetTempPath(), $"keyworks-server-bench-{Guid.NewGuid():N}");
        ServerProcess? server = null;
        try
        {
            if (url is null)
            {
                server = await StartServerAsync(folder, projects, cacheOff);
                url = server.BaseAddress.ToString();
            }

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 4 })
            {
                BaseAddress = new Uri(url),
                Timeout = TimeSpan.FromSeconds(60),
            };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(http, user, password));
            Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}; cores {Environment.ProcessorCount}; server {url}; " +
                $"{clients} clients, {seconds} s per query after a {Math.Max(2, seconds / 5)} s warm-up");

            var scenarios = new (string Name, string Query, object Variables)[]
            {
                ("overview (dashboard OverviewQuery, period MONTH)", DashboardQueries.Overview, new { period = "MONTH" }),
                ("projects(first: 50) (dashboard ProjectListQuery)", DashboardQueries.ProjectList, new { first = 50 }),
            };
            await WaitForSteadyModelAsync(http, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query = scenarios[0].Query, variables = scenarios[0].Variables })));
            foreach (var (name, query, variables) in scenarios)
            {
                var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query, variables }));
                Console.WriteLine($"{name}: {await CheckAsync(http, body)}");
                await RunClientsAsync(http, body, clients, TimeSpan.FromSeconds(Math.Max(2, seconds / 5)));
                var result = await RunClientsAsync(http, body, clients, TimeSpan.FromSeconds(seconds));
                Console.WriteLine($"  {result}");
            }

            return 0;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<ServerProcess> StartServerAsync(string folder, int projects, bool cacheOff)
    {
        var server = ServerProcess.Start(new Dictionary<string, string>
        {
            ["KEYWORKS_DATA"] = folder,
            ["KeyWorks__PostgresPort"] = ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["KeyWorks__Demo__Load"] = "true",
            ["KeyWorks__Demo__Projects"] = projects.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
            ["KeyWorks__Api__ResponseCacheMilliseconds"] = cacheOff ? "0" : "1000",
        });
        if (!await server.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2), CancellationToken.None))
        {
            throw new InvalidOperationException($"the server did not start:\n{server.Output}\n{server.Errors}");
        }

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var health = await http.GetFromJsonAsync<JsonElement>("health");
            var demo = health.GetProperty("demo");
            if (demo.GetProperty("state").GetString() == "loaded")
            {
                Console.WriteLine($"server started with {projects} projects ({health.GetProperty("events").GetInt64():N0} events) in {clock.Elapsed.TotalSeconds:F0} s, response cache {(cacheOff ? "off" : "on")}");
                return server;
            }

            if (demo.GetProperty("state").GetString() is not ("waiting" or "loading") || clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new InvalidOperationException($"demo {demo}:\n{server.Output}\n{server.Errors}");
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>
    /// The load is stored before the server's live model has applied all of it; until then every answer is computed
    /// for a new model position. Waits until the same answer comes back twice, two seconds apart.
    /// </summary>
    private static async Task WaitForSteadyModelAsync(HttpClient http, byte[] body)
    {
        var clock = Stopwatch.StartNew();
        var previous = await PostAsync(http, body);
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(2000);
            var next = await PostAsync(http, body);
            if (next == previous)
            {
                return;
            }

            previous = next;
        }

        throw new InvalidOperationException("the server's answers kept changing for five minutes");
    }

    private static async Task<string> LoginAsync(HttpClient http, string user, string password)
    {
        using var response = await http.PostAsJsonAsync("graphql", new
        {
            query = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token errors { code } } }",
            variables = new { u = user, p = password },
        });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = result.GetProperty("data").GetProperty("login").GetProperty("token");
        return token.ValueKind == JsonValueKind.String ? token.GetString()! : throw new InvalidOperationException($"sign-in refused: {result}");
    }

    /// <summary>One request, checked for errors; describes the answer.</summary>
    private static async Task<string> CheckAsync(HttpClient http, byte[] body)
    {
        var text = await PostAsync(http, body);
        using var document = JsonDocument.Parse(text);
        if (document.RootElement.TryGetProperty("errors", out var errors))
        {
            throw new InvalidOperationException($"the query failed: {errors}");
        }

        var data = document.RootElement.GetProperty("data");
        var counts = data.TryGetProperty("overview", out var overview)
            ? $"{overview.GetProperty("projectCount").GetInt32()} projects, {overview.GetProperty("ranking").GetProperty("projects").GetArrayLength()} ranked"
            : $"{data.GetProperty("projects").GetProperty("nodes").GetArrayLength()} of {data.GetProperty("projects").GetProperty("totalCount").GetInt32()} projects";
        return $"{counts}, {text.Length / 1024.0:F1} KiB per answer";
    }

    private static async Task<string> PostAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri("graphql", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<Measurement> RunClientsAsync(HttpClient http, byte[] body, int clients, TimeSpan duration)
    {
        var latencies = new List<double>[clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await PostAsync(http, body);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Measurement(all, clock.Elapsed);
    }

    private sealed record Measurement(List<double> Sorted, TimeSpan Elapsed)
    {
        private double At(double quantile) => Sorted[Math.Min(Sorted.Count - 1, (int)(quantile * Sorted.Count))];

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Sorted.Count:N0} requests in {Elapsed.TotalSeconds:F1} s = {Sorted.Count / Elapsed.TotalSeconds:N0}/s; " +
            $"latency p50 {At(0.50):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms, max {Sorted[^1]:F1} ms");
    }
}
