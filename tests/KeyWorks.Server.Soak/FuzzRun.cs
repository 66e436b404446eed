using System.Collections.Concurrent;
using System.Text;

namespace KeyWorks.Server.Soak;

/// <summary>What the fuzz run saw: answers by status, hangs, the server errors' samples, and the server's memory over time.</summary>
public sealed record FuzzResult(
    int Requests,
    IReadOnlyDictionary<string, int> ByKindAndStatus,
    int Hangs,
    IReadOnlyList<string> ServerErrors,
    IReadOnlyList<long> ResidentKilobytes,
    TimeSpan Elapsed)
{
    /// <summary>
    /// Memory is stable when the mean resident size of the last third of the samples (after the first fifth, the warm-up)
    /// is within 50 % of the first third's.
    /// </summary>
    public double? MemoryGrowth
    {
        get
        {
            var samples = ResidentKilobytes.Skip(ResidentKilobytes.Count / 5).ToList();
            if (samples.Count < 6)
            {
                return null;
            }

            var third = samples.Count / 3;
            return samples.TakeLast(third).Average() / samples.Take(third).Average();
        }
    }

    public bool MemoryStable => MemoryGrowth is null or < 1.5;

    public bool Passed => ServerErrors.Count == 0 && Hangs == 0 && MemoryStable;

    public void Print(TextWriter output)
    {
        output.WriteLine($"fuzz: {Requests} requests in {Elapsed.TotalSeconds:F0} s ({Requests / Math.Max(1, Elapsed.TotalSeconds):F0}/s)");
        foreach (var (kind, count) in ByKindAndStatus.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {kind,-20} {count,8}");
        }

        output.WriteLine($"  hangs (no answer within the timeout): {Hangs}; 5xx answers: {ServerErrors.Count}");
        foreach (var error in ServerErrors.Take(5))
        {
            output.WriteLine("    " + error);
        }

        if (ResidentKilobytes.Count > 0)
        {
            output.WriteLine($"  server RSS: start {ResidentKilobytes[0] / 1024} MiB, min {ResidentKilobytes.Min() / 1024} MiB, max {ResidentKilobytes.Max() / 1024} MiB, " +
                $"end {ResidentKilobytes[^1] / 1024} MiB over {ResidentKilobytes.Count} samples; last third / first third after warm-up {MemoryGrowth:F2} → {(MemoryStable ? "stable" : "GROWING")}");
        }

        output.WriteLine(Passed ? "fuzz: PASS" : "fuzz: FAIL");
    }
}

/// <summary>
/// Sends generated, garbled and random bodies to <c>/graphql</c> from several workers for a while, as anonymous, office
/// and contractor callers, with a few wrong content types and GET requests among them; counts answers by status, fails
/// on any 5xx or any request without an answer within the timeout, and samples the server's resident memory.
/// </summary>
public static class FuzzRun
{
    public static async Task<FuzzResult> RunAsync(SoakServer server, TimeSpan duration, int workers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var api = new ApiClient(server.BaseAddress, timeout);
        var office = await api.LoginAsync(SoakServer.OfficeUser, SoakServer.OfficePassword, cancellationToken);
        var contractor = server.Contractors.Count > 0 ? await api.LoginAsync(server.Contractors[0].UserName, server.Contractors[0].Password, cancellationToken) : null;
        var schema = (await api.PostAsync(GraphQLFuzzer.IntrospectionQuery, null, null, cancellationToken)).Data("__schema")
            ?? throw new InvalidOperationException("introspection failed");

        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var errors = new ConcurrentBag<string>();
        var memory = new ConcurrentQueue<long>();
        var hangs = 0;
        var requests = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);

        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (server.ResidentKilobytes() is { } kib)
                {
                    memory.Enqueue(kib);
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(duration.TotalSeconds / 60, 0.5, 5)), CancellationToken.None);
            }
        }, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(1000 + w);
            var fuzzer = GraphQLFuzzer.From(schema, random);
            while (!stop.IsCancellationRequested)
            {
                var (kind, body) = fuzzer.Next();
                var token = random.Next(3) switch { 0 => null, 1 => office, _ => contractor };
                using var request = Request(body, random);
                var answer = await api.SendAsync(request, token, CancellationToken.None);
                Interlocked.Increment(ref requests);
                if (answer.NetworkError is not null)
                {
                    Interlocked.Increment(ref hangs);
                    errors.Add($"no answer ({answer.NetworkError}) to {Shorten(body)}");
                    continue;
                }

                counts.AddOrUpdate($"{kind} {answer.Status}", 1, (_, n) => n + 1);
                if (answer.Status >= 500)
                {
                    errors.Add($"{answer.Status} to {Shorten(body)}: {answer.Body}");
                }
            }
        }, CancellationToken.None)));
        await sampler;
        return new FuzzResult(requests, new Dictionary<string, int>(counts), hangs, [.. errors.Where(e => !e.StartsWith("no answer", StringComparison.Ordinal))],
            [.. memory], clock.Elapsed);
    }

    private static HttpRequestMessage Request(string body, Random random)
    {
        var roll = random.Next(20);
        if (roll == 0)
        {
            return new HttpRequestMessage(HttpMethod.Get, "graphql?query=" + Uri.EscapeDataString(body.Length > 2000 ? body[..2000] : body));
        }

        var type = roll switch { 1 => "text/plain", 2 => "application/graphql", 3 => "application/x-www-form-urlencoded", _ => "application/json" };
        return new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(body, Encoding.UTF8, type) };
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
