using System.Globalization;
using KeyWorks.Server.Soak;

// dotnet run -c Release --project tests/KeyWorks.Server.Soak -- load|faults|fuzz [options]; exit code 0 when the run passed.
if (args.Length == 0 || args[0] is not ("load" or "faults" or "fuzz"))
{
    Console.Error.WriteLine("""
        usage: KeyWorks.Server.Soak load   [--contractors 200] [--reports 50] [--office 20] [--minutes 5]
               KeyWorks.Server.Soak faults [--contractors 50] [--reports 20] [--office 5] [--minutes 2]
               KeyWorks.Server.Soak fuzz   [--minutes 10] [--workers 8] [--timeout 15]
        Each starts its own PostgreSQL cluster (fsync on) in a temporary folder and a server with the demo on it.
        """);
    return 2;
}

var mode = args[0];
var contractors = Option("--contractors", mode == "load" ? 200 : 50);
var reports = Option("--reports", mode == "load" ? 50 : 20);
var office = Option("--office", mode == "load" ? 20 : 5);
var minutes = Option("--minutes", mode switch { "load" => 5.0, "faults" => 2.0, _ => 10.0 });
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var folder = Path.Combine(Path.GetTempPath(), $"keyworks-soak-{Guid.NewGuid():N}");
Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} starting PostgreSQL and the server with the demo in {folder}; load average {LoadAverage()}");
await using var server = await SoakServer.StartAsync(folder, mode == "fuzz" ? 1 : contractors, durable: true, cancel.Token);
Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} server {server.BaseAddress} ready (pid {server.Process.ProcessId}), {server.Contractors.Count} contractor accounts");
var options = new LoadOptions(contractors, reports, office, TimeSpan.FromMinutes(minutes));
bool passed;
switch (mode)
{
    case "load":
        var before = await LoadCheck.ProblemCountAsync(server, cancel.Token);
        var load = await new LoadRun(server, options).RunAsync(cancel.Token);
        load.Print(Console.Out);
        var check = await LoadCheck.RunAsync(server, load, before, cancel.Token);
        check.Print(Console.Out);
        var unexpected = load.Failures.Keys.Where(code => code != "VERSION_CONFLICT").ToList();
        Console.WriteLine("failures other than retried conflicts: " + (unexpected.Count == 0 ? "none" : string.Join(", ", unexpected)));
        passed = check.Passed && unexpected.Count == 0 && load.RepeatsAnsweredDifferently.Count == 0;
        Console.WriteLine(passed ? "load: PASS" : "load: FAIL");
        break;
    case "faults":
        var faults = await FaultRun.RunAsync(server, options, cancel.Token);
        faults.Print(Console.Out);
        passed = faults.Passed;
        break;
    default:
        var fuzz = await FuzzRun.RunAsync(server, TimeSpan.FromMinutes(minutes), Option("--workers", 8), TimeSpan.FromSeconds(Option("--timeout", 15)), cancel.Token);
        fuzz.Print(Console.Out);
        passed = fuzz.Passed;
        break;
}

Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} done; load average {LoadAverage()}");
return passed ? 0 : 1;

T Option<T>(string name, T fallback) where T : IParsable<T>
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? T.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
