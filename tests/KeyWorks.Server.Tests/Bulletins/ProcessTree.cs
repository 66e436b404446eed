using System.Diagnostics;
using System.Globalization;

namespace KeyWorks.Server.Tests.Bulletins;

/// <summary>A process's descendants read from <c>/proc</c> (a server's Playwright driver and the Chromium it started).</summary>
public static class ProcessTree
{
    /// <summary>Every live descendant of <paramref name="pid"/>, children first.</summary>
    public static List<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, List<int>>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var child) && ParentOf(folder) is { } parent)
            {
                (parents.TryGetValue(parent, out var list) ? list : parents[parent] = []).Add(child);
            }
        }

        var found = new List<int>();
        var next = new Queue<int>([pid]);
        while (next.TryDequeue(out var current))
        {
            foreach (var child in parents.GetValueOrDefault(current) ?? [])
            {
                found.Add(child);
                next.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Whether a descendant of <paramref name="pid"/> is a Chromium process, i.e. the server has started printing.</summary>
    public static bool HasChromium(int pid) =>
        Descendants(pid).Any(child => Read($"/proc/{child}/comm")?.Trim() is { } name && name.StartsWith("chromium", StringComparison.Ordinal));

    /// <summary>Ends the processes still running (by id: only processes the test's servers started).</summary>
    public static void Kill(IEnumerable<int> pids)
    {
        foreach (var pid in pids.Distinct())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already.
            }
        }
    }

    private static int? ParentOf(string folder)
    {
        // /proc/<pid>/stat: "pid (comm) state ppid ...", where comm may hold spaces and parentheses.
        var stat = Read(Path.Combine(folder, "stat"));
        var end = stat?.LastIndexOf(')') ?? -1;
        if (stat is null || end < 0)
        {
            return null;
        }

        var fields = stat[(end + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent) ? parent : null;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
