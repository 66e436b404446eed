using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KeyWorks.GraphQL.Benchmarks;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Http;
using KeyWorks.GraphQL.Language;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

// Compares KeyWorks.GraphQL with graphql-js in the same run:
//   1. in-process execution of 100 objects x 20 fields with a nested list of 6 each (ops/s, bytes allocated per request);
//   2. a small query over HTTP under wrk: our endpoint on Kestrel against graphql-http on node's http module.
// Usage: dotnet run -c Release --project tests/KeyWorks.GraphQL.Benchmarks -- [seconds]
var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
var nodeDirectory = Path.Combine(Program.ProjectDirectory, "node");
if (!Directory.Exists(Path.Combine(nodeDirectory, "node_modules")))
{
    Program.Run("npm", "ci --no-audit --no-fund", nodeDirectory);
}

var schema = BenchmarkSchema.Build();
var document = Parser.Parse(BenchmarkSchema.BigQuery);
var options = new ExecutionOptions { MaxCost = null, MaxDepth = null, Timeout = null };
var request = new ExecutionRequest { Document = document };
var check = await Executor.ExecuteAsync(schema, request, options: options);
if (check.Errors.Count > 0)
{
    throw new InvalidOperationException(string.Join("; ", check.Errors));
}

for (var i = 0; i < 500; i++)
{
    await Executor.ExecuteAsync(schema, request, options: options);
}

var count = 0;
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var watch = Stopwatch.StartNew();
while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
{
    await Executor.ExecuteAsync(schema, request, options: options);
    count++;
}

var ours = count / watch.Elapsed.TotalSeconds;
var bytesPerRequest = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)count;
var theirs = JsonNode.Parse(Program.Run("node", $"execute.mjs {seconds}", nodeDirectory))!["opsPerSecond"]!.GetValue<double>();
Console.WriteLine($"execute, 100 objects x 20 fields + 6 children each: KeyWorks.GraphQL {ours:F0} ops/s ({bytesPerRequest / 1024:F0} KiB allocated per request), graphql-js {theirs:F0} ops/s, ratio {ours / theirs:F2}");

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:5081");
builder.Logging.ClearProviders();
await using var app = builder.Build();
app.MapGraphQL("/graphql", schema);
await app.StartAsync();
using var nodeServer = Process.Start(new ProcessStartInfo("node", "server.mjs 5082") { WorkingDirectory = nodeDirectory, RedirectStandardOutput = true })!;
await nodeServer.StandardOutput.ReadLineAsync();
try
{
    var wrkArguments = $"-t2 -c32 -d{seconds}s -s {Path.Combine(nodeDirectory, "post.lua")}";
    Program.Run("wrk", $"-t2 -c32 -d2s -s {Path.Combine(nodeDirectory, "post.lua")} http://127.0.0.1:5081/graphql", nodeDirectory);
    var allocatedHttp = GC.GetTotalAllocatedBytes(precise: true);
    var oursHttp = Program.RequestsPerSecond(Program.Run("wrk", wrkArguments + " http://127.0.0.1:5081/graphql", nodeDirectory), out var oursRequests);
    var httpBytes = (GC.GetTotalAllocatedBytes(precise: true) - allocatedHttp) / (double)oursRequests;
    Program.Run("wrk", $"-t2 -c32 -d2s -s {Path.Combine(nodeDirectory, "post.lua")} http://127.0.0.1:5082/graphql", nodeDirectory);
    var theirsHttp = Program.RequestsPerSecond(Program.Run("wrk", wrkArguments + " http://127.0.0.1:5082/graphql", nodeDirectory), out _);
    Console.WriteLine($"HTTP small query under wrk -t2 -c32: KeyWorks.GraphQL {oursHttp:F0} req/s ({httpBytes / 1024:F1} KiB allocated per request), graphql-http {theirsHttp:F0} req/s, ratio {oursHttp / theirsHttp:F2}");
}
finally
{
    nodeServer.Kill();
}

internal static partial class Program
{
    public static string ProjectDirectory { get; } = typeof(BenchmarkSchema).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "ProjectDirectory").Value!;

    public static string Run(string fileName, string arguments, string directory)
    {
        var start = new ProcessStartInfo(fileName, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {arguments} failed: {process.StandardError.ReadToEnd()}");
        }

        return output;
    }

    public static double RequestsPerSecond(string wrkOutput, out long requests)
    {
        var total = RequestsLine().Match(wrkOutput);
        requests = total.Success ? long.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        var match = RateLine().Match(wrkOutput);
        if (!match.Success || wrkOutput.Contains("Non-2xx", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Unexpected wrk output:\n" + wrkOutput);
        }

        return double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();
}
