using System.Diagnostics;

namespace KeyWorks.Server.Soak;

/// <summary>What a fault run saw: the load under faults, the check against the clients' log, the read model against a rebuild.</summary>
public sealed record FaultResult(LoadResult Load, LoadCheck Check, string? ModelDifference, TimeSpan PostgresRestart, TimeSpan ServerRestart, IReadOnlyList<string> UnexpectedFailures)
{
    /// <summary>Failure codes a client may see while the database or the server is away; anything else is a fault.</summary>
    public static readonly IReadOnlySet<string> Retriable = new HashSet<string>(StringComparer.Ordinal)
    {
        "NETWORK", "DATABASE_UNAVAILABLE", "VERSION_CONFLICT", "HTTP_502", "HTTP_503",
    };

    public bool Passed => Check.Passed && ModelDifference is null && UnexpectedFailures.Count == 0 && Load.RepeatsAnsweredDifferently.Count == 0;

    public void Print(TextWriter output)
    {
        Load.Print(output);
        Check.Print(output);
        output.WriteLine($"PostgreSQL restart (pg_ctl restart -m fast) took {PostgresRestart.TotalSeconds:F1} s; server kill -9 to healthy again {ServerRestart.TotalSeconds:F1} s");
        output.WriteLine("read model after the restarts against a rebuild: " + (ModelDifference ?? "equal"));
        output.WriteLine("failures that are not retriable: " + (UnexpectedFailures.Count == 0 ? "none" : string.Join(", ", UnexpectedFailures)));
        output.WriteLine(Passed ? "faults: PASS" : "faults: FAIL");
    }
}

/// <summary>
/// Load with faults: PostgreSQL restarted when a third of the reports are done, the server killed with SIGKILL and
/// started again at two thirds; then the clients' log is checked against the store and the running server's read model
/// against a rebuild.
/// </summary>
public static class FaultRun
{
    public static async Task<FaultResult> RunAsync(SoakServer server, LoadOptions options, CancellationToken cancellationToken)
    {
        var problemsBefore = await LoadCheck.ProblemCountAsync(server, cancellationToken);
        var load = new LoadRun(server, options);
        var running = load.RunAsync(cancellationToken);

        await WaitForAsync(load, load.Total / 3, running, cancellationToken);
        var clock = Stopwatch.StartNew();
        await server.RestartPostgresAsync(cancellationToken);
        var postgres = clock.Elapsed;

        await WaitForAsync(load, load.Total * 2 / 3, running, cancellationToken);
        clock.Restart();
        await server.KillServerAsync(cancellationToken);
        await server.StartServerAsync(cancellationToken);
        var restart = clock.Elapsed;

        var result = await running;
        var check = await LoadCheck.RunAsync(server, result, problemsBefore, cancellationToken);
        var difference = await ModelSnapshot.CompareWithRebuildAsync(server, cancellationToken);
        var unexpected = result.Failures.Keys.Where(code => !FaultResult.Retriable.Contains(code)).Select(code => $"{code} {result.Failures[code]}").ToList();
        return new FaultResult(result, check, difference, postgres, restart, unexpected);
    }

    private static async Task WaitForAsync(LoadRun load, int finished, Task running, CancellationToken cancellationToken)
    {
        while (load.Finished < finished && !running.IsCompleted)
        {
            await Task.Delay(100, cancellationToken);
        }
    }
}
