using System.Collections.Concurrent;

namespace KeyWorks.Server.Soak;

/// <summary>How big a load run is.</summary>
public sealed record LoadOptions(int Contractors, int ReportsEach, int OfficeClients, TimeSpan Duration)
{
    /// <summary>Share of acknowledged sends sent a second time with the same key (a client that never saw the answer).</summary>
    public double DuplicateShare { get; init; } = 0.1;

    /// <summary>How long a client keeps retrying one send before it gives up (and logs it as unknown).</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(90);

    public int Seed { get; init; } = 9;
}

/// <summary>What the client knows about one report it sent: its key, how it ended, and the id the server gave it.</summary>
public sealed record SentReport(string UserId, string Key, string Operation, SendOutcome Outcome, string? Id, string? RejectionCode);

public enum SendOutcome
{
    /// <summary>The server answered with the report (or problem): it must be stored exactly once.</summary>
    Acknowledged,

    /// <summary>A rule refused it (payload error): nothing may be stored.</summary>
    Rejected,

    /// <summary>No answer before the client gave up: stored at most once.</summary>
    Unknown,
}

/// <summary>
/// Simulated contractors sending reports (investment, progress, node reached, problems) with idempotency keys, retrying
/// network failures and retriable errors, sending one acknowledged report in ten again, while office users query the
/// overview, the project list and the problems. Every attempt is timed per operation and every failure counted by code.
/// </summary>
public sealed class LoadRun(SoakServer server, LoadOptions options)
{
    private static readonly string[] Categories = ["FUNDING", "LAND", "RELOCATION", "APPROVALS", "UTILITIES", "SAFETY"];

    private readonly ConcurrentBag<SentReport> _log = [];
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _doubled = [];
    private int _sent;

    /// <summary>Reports finished so far (acknowledged, rejected or given up), for fault runs that act part-way.</summary>
    public int Finished => Volatile.Read(ref _sent);

    public int Total => options.Contractors * options.ReportsEach;

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        using var api = new ApiClient(server.BaseAddress, TimeSpan.FromSeconds(30));
        var contractors = server.Contractors.Take(options.Contractors).ToList();
        var tokens = new string[contractors.Count];
        for (var i = 0; i < contractors.Count; i++)
        {
            tokens[i] = await api.LoginAsync(contractors[i].UserName, contractors[i].Password, cancellationToken);
        }

        var officeToken = await api.LoginAsync(SoakServer.OfficeUser, SoakServer.OfficePassword, cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var office = Enumerable.Range(0, options.OfficeClients).Select(i => QueryAsync(api, officeToken, i, done.Token)).ToList();
        await Task.WhenAll(contractors.Select((c, i) => ContractorAsync(api, c, tokens[i], i, cancellationToken)));
        await done.CancelAsync();
        await Task.WhenAll(office);
        return new LoadResult([.. _log], Summaries(_latencies), new Dictionary<string, int>(_failures), new Dictionary<string, int>(_rejections), [.. _doubled], clock.Elapsed);
    }

    private async Task ContractorAsync(ApiClient api, SoakContractor contractor, string token, int index, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed * 10_007 + index);
        var pause = options.Duration / Math.Max(1, options.ReportsEach);
        await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * pause.TotalMilliseconds), cancellationToken);
        for (var n = 0; n < options.ReportsEach; n++)
        {
            var key = $"{contractor.UserName}-{n:D3}-{random.Next():x8}";
            var (operation, query, variables) = NextReport(contractor, random, key);
            var record = await SendAsync(api, token, contractor.UserName, key, operation, query, variables, cancellationToken);
            _log.Add(record);
            if (record.Outcome == SendOutcome.Acknowledged && random.NextDouble() < options.DuplicateShare)
            {
                var again = await SendAsync(api, token, contractor.UserName, key, operation, query, variables, cancellationToken);
                if (again.Outcome != SendOutcome.Acknowledged || again.Id != record.Id)
                {
                    _doubled.Add($"{record.Key}: first {record.Id}, repeat {again.Outcome} {again.Id}");
                }
            }

            Interlocked.Increment(ref _sent);
            await Task.Delay(TimeSpan.FromMilliseconds(pause.TotalMilliseconds * (0.5 + random.NextDouble())), cancellationToken);
        }
    }

    private static (string Operation, string Query, object Variables) NextReport(SoakContractor contractor, Random random, string key)
    {
        var month = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var roll = random.NextDouble();
        if (roll < 0.15)
        {
            return ("reportInvestment", ReportMutation("reportInvestment", "ReportInvestmentInput"),
                new { input = new { idempotencyKey = key, projectId = contractor.ProjectId, month = month.ToString("yyyy-MM-dd"), amount = random.Next(1, 500) * 10_000 } });
        }

        if (roll < 0.3)
        {
            return ("reportProgress", ReportMutation("reportProgress", "ReportProgressInput"),
                new { input = new { idempotencyKey = key, projectId = contractor.ProjectId, month = month.ToString("yyyy-MM-dd"), percent = random.Next(50, 100), narrative = "模拟进度报告" } });
        }

        if (roll < 0.4 && contractor.OpenNodeIds.Count > 0)
        {
            return ("reportNodeReached", ReportMutation("reportNodeReached", "ReportNodeReachedInput"),
                new { input = new { idempotencyKey = key, nodeId = contractor.OpenNodeIds[random.Next(contractor.OpenNodeIds.Count)], reachedOn = month.ToString("yyyy-MM-dd") } });
        }

        return ("raiseProblem", "mutation($input: RaiseProblemInput!) { raiseProblem(input: $input) { problem { id } errors { code } } }",
            new { input = new { idempotencyKey = key, projectId = contractor.ProjectId, category = Categories[random.Next(Categories.Length)], description = $"模拟问题 {key}" } });
    }

    private static string ReportMutation(string field, string input) =>
        $"mutation($input: {input}!) {{ {field}(input: $input) {{ report {{ id }} errors {{ code }} }} }}";

    private async Task<SentReport> SendAsync(
        ApiClient api, string token, string userId, string key, string operation, string query, object variables, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            var answer = await api.PostAsync(query, variables, token, cancellationToken);
            _latencies.GetOrAdd(operation, _ => []).Add(answer.Elapsed.TotalMilliseconds);
            if (answer.Data(operation) is { } payload)
            {
                var errors = payload.GetProperty("errors");
                if (errors.GetArrayLength() > 0)
                {
                    var code = errors[0].GetProperty("code").GetString()!;
                    _rejections.AddOrUpdate(code, 1, (_, n) => n + 1);
                    return new SentReport(userId, key, operation, SendOutcome.Rejected, null, code);
                }

                var item = payload.GetProperty(operation == "raiseProblem" ? "problem" : "report");
                return new SentReport(userId, key, operation, SendOutcome.Acknowledged, item.GetProperty("id").GetString(), null);
            }

            var failure = answer.Failure ?? "NO_DATA";
            _failures.AddOrUpdate(failure, 1, (_, n) => n + 1);
            if (!answer.Retriable || DateTime.UtcNow - started > options.GiveUpAfter)
            {
                return new SentReport(userId, key, operation, SendOutcome.Unknown, null, failure);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * attempt)), cancellationToken);
        }
    }

    private static readonly string[] OfficeQueries =
    [
        "{ overview { projectCount startedCount startRate overdueProblemCount problemsRaised lights { light count } figures { totalCompletionRate } } }",
        "{ projects(first: 50) { totalCount nodes { id name status figures { annualCompletionRate progressGap light } } } }",
        "{ problems(first: 20) { totalCount countsByStage { stage count overdue } nodes { id stage description raisedBy } } }",
    ];

    private async Task QueryAsync(ApiClient api, string token, int index, CancellationToken stop)
    {
        var random = new Random(options.Seed * 31 + index);
        string[] names = ["overview", "projects", "problems"];
        while (!stop.IsCancellationRequested)
        {
            var which = random.Next(OfficeQueries.Length);
            var answer = await api.PostAsync(OfficeQueries[which], null, token, CancellationToken.None);
            _latencies.GetOrAdd(names[which], _ => []).Add(answer.Elapsed.TotalMilliseconds);
            if (answer.Failure is { } failure)
            {
                _failures.AddOrUpdate(failure, 1, (_, n) => n + 1);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 + random.Next(800)), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static Dictionary<string, LatencySummary> Summaries(ConcurrentDictionary<string, ConcurrentBag<double>> latencies) =>
        latencies.ToDictionary(l => l.Key, l => LatencySummary.Of([.. l.Value]), StringComparer.Ordinal);
}

/// <summary>Request count and latency percentiles of one operation, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double P50, double P99, double Max)
{
    public static LatencySummary Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? new(0, 0, 0, 0) : new(sorted.Length, At(sorted, 0.50), At(sorted, 0.99), sorted[^1]);

        static double At(double[] sorted, double share) => sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
    }
}

/// <summary>The clients' own log of a load run and what they measured.</summary>
public sealed record LoadResult(
    IReadOnlyList<SentReport> Log,
    IReadOnlyDictionary<string, LatencySummary> Latencies,
    IReadOnlyDictionary<string, int> Failures,
    IReadOnlyDictionary<string, int> Rejections,
    IReadOnlyList<string> RepeatsAnsweredDifferently,
    TimeSpan Elapsed)
{
    public void Print(TextWriter output)
    {
        output.WriteLine($"sent {Log.Count} reports in {Elapsed.TotalSeconds:F0} s: {Log.Count(r => r.Outcome == SendOutcome.Acknowledged)} acknowledged, " +
            $"{Log.Count(r => r.Outcome == SendOutcome.Rejected)} rejected by a rule, {Log.Count(r => r.Outcome == SendOutcome.Unknown)} given up");
        foreach (var (operation, summary) in Latencies.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {operation,-18} {summary.Count,7} requests  p50 {summary.P50,7:F1} ms  p99 {summary.P99,8:F1} ms  max {summary.Max,8:F1} ms");
        }

        output.WriteLine("  rejections by code: " + Codes(Rejections));
        output.WriteLine("  failed attempts by code: " + Codes(Failures));
        output.WriteLine($"  repeats answered differently: {RepeatsAnsweredDifferently.Count}");
        foreach (var repeat in RepeatsAnsweredDifferently.Take(5))
        {
            output.WriteLine("    " + repeat);
        }

        static string Codes(IReadOnlyDictionary<string, int> codes) =>
            codes.Count == 0 ? "none" : string.Join(", ", codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"));
    }
}
