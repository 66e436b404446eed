using System.Diagnostics;
using System.Text;

namespace KeyWorks.EventStore.LocalCluster;

/// <summary>
/// The installed PostgreSQL server programs, and how to run them: PostgreSQL refuses to run as root,
/// so when we are root they run as the <c>postgres</c> user through <c>runuser</c>.
/// </summary>
internal sealed class PostgresBinaries
{
    private const string ServiceUser = "postgres";

    private PostgresBinaries(string binDirectory, bool runAsServiceUser)
    {
        BinDirectory = binDirectory;
        RunAsServiceUser = runAsServiceUser;
    }

    public string BinDirectory { get; }

    public bool RunAsServiceUser { get; }

    public static PostgresBinaries Find(string? configured)
    {
        configured = string.IsNullOrWhiteSpace(configured) ? Environment.GetEnvironmentVariable("KEYWORKS_PG_BIN") : configured;
        var where = string.IsNullOrWhiteSpace(configured) ? "" : $" in {configured}";
        var binDirectory = FindBinDirectory(configured) ?? throw new LocalClusterException(
            $"PostgreSQL server programs (initdb, pg_ctl) were not found{where}; install them with: apt-get install -y postgresql " +
            "(or set KEYWORKS_PG_BIN to the folder that holds them)");
        var root = Environment.UserName == "root";
        if (root && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            throw new LocalClusterException("running as root needs runuser (util-linux) to start PostgreSQL as the postgres user");
        }

        return new PostgresBinaries(binDirectory, root);
    }

    private static string? FindBinDirectory(string? configured)
    {
        foreach (var candidate in Candidates(configured))
        {
            if (File.Exists(Path.Combine(candidate, "initdb")) && File.Exists(Path.Combine(candidate, "pg_ctl")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string? configured)
    {
        // A folder named on purpose is the only one tried: a wrong setting should say so, not be papered over.
        if (!string.IsNullOrWhiteSpace(configured))
        {
            yield return configured;
            yield break;
        }

        // Debian keeps each major version apart; prefer the newest.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var versions = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(x => x.Version > 0)
                .OrderByDescending(x => x.Version);
            foreach (var (dir, _) in versions)
            {
                yield return Path.Combine(dir, "bin");
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return dir;
        }
    }

    /// <summary>Makes <paramref name="path"/> belong to the user the server programs run as.</summary>
    public async Task GiveToServiceUserAsync(string path, CancellationToken cancellationToken)
    {
        if (!RunAsServiceUser)
        {
            return;
        }

        var result = await RunRawAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", path], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new LocalClusterException($"could not hand {path} to the postgres user: {result.Output.Trim()}");
        }
    }

    /// <summary>Runs one of the PostgreSQL programs (as the postgres user when we are root).</summary>
    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(BinDirectory, program);
        return RunAsServiceUser
            ? RunRawAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments], cancellationToken)
            : RunRawAsync(path, arguments, cancellationToken);
    }

    private static async Task<ProcessResult> RunRawAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        // Output goes to a file, not a pipe: pg_ctl start leaves a daemon behind, and a daemon that
        // inherited our pipe would keep it open and make a pipe reader wait forever.
        var outputFile = Path.Combine(Path.GetTempPath(), $"keyworks-pg-{Guid.NewGuid():N}.out");
        try
        {
            var start = new ProcessStartInfo("/bin/sh")
            {
                UseShellExecute = false,
                RedirectStandardInput = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec \"$@\" >\"$KEYWORKS_PG_OUT\" 2>&1 </dev/null");
            start.ArgumentList.Add("sh");
            start.ArgumentList.Add(fileName);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["KEYWORKS_PG_OUT"] = outputFile;
            // Messages from the server programs are read by people and by our error lines: keep them in English.
            start.Environment["LC_MESSAGES"] = "C";
            start.Environment["LANG"] = "C.UTF-8";
            using var process = Process.Start(start) ?? throw new LocalClusterException($"could not start {fileName}");
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var output = File.Exists(outputFile) ? await File.ReadAllTextAsync(outputFile, Encoding.UTF8, CancellationToken.None) : "";
            return new ProcessResult(process.ExitCode, output);
        }
        finally
        {
            File.Delete(outputFile);
        }
    }
}

internal sealed record ProcessResult(int ExitCode, string Output)
{
    /// <summary>The last meaningful line of the output, for one-line error messages.</summary>
    public string LastLine => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {ExitCode}";
}
