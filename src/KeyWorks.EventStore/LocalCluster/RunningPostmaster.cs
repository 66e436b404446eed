using System.Globalization;

namespace KeyWorks.EventStore.LocalCluster;

/// <summary>
/// What <c>postmaster.pid</c> says about a cluster, and whether it is true: after a crash the file stays
/// behind, and its pid may be dead or reused by another program.
/// </summary>
internal sealed record RunningPostmaster(int ProcessId, int Port, bool IsOurs)
{
    public static RunningPostmaster? Read(string pgData)
    {
        var pidFile = Path.Combine(pgData, "postmaster.pid");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(pidFile);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        // Line 1: pid; line 2: data directory; line 4: port (PostgreSQL's documented lock file layout).
        var pid = lines.Length > 0 && int.TryParse(lines[0].Trim(), CultureInfo.InvariantCulture, out var p) ? p : 0;
        var port = lines.Length > 3 && int.TryParse(lines[3].Trim(), CultureInfo.InvariantCulture, out var q) ? q : 0;
        return new RunningPostmaster(pid, port, pid > 0 && port > 0 && IsPostmasterOf(pid, pgData));
    }

    /// <summary>True when <paramref name="pid"/> is a live postgres process whose working directory is <paramref name="pgData"/>.</summary>
    private static bool IsPostmasterOf(int pid, string pgData)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            if (!cmdline.Contains("postgres", StringComparison.Ordinal))
            {
                return false;
            }

            // The postmaster runs with the data directory as its working directory.
            var cwd = new FileInfo($"/proc/{pid}/cwd").LinkTarget;
            return cwd is not null && Path.GetFullPath(cwd).TrimEnd('/') == Path.GetFullPath(pgData).TrimEnd('/');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Removes the lock files a dead postmaster left behind, so a new one can start.</summary>
    public static void RemoveStaleLock(string pgData, string socketDirectory, int port)
    {
        File.Delete(Path.Combine(pgData, "postmaster.pid"));
        if (port > 0)
        {
            File.Delete(Path.Combine(socketDirectory, $".s.PGSQL.{port}.lock"));
            File.Delete(Path.Combine(socketDirectory, $".s.PGSQL.{port}"));
        }
    }
}
