using System.Collections.Concurrent;
using System.Diagnostics;

namespace KeyWorks.EventStore.Tests.Processes;

/// <summary>A load writer or daemon process (the benchmark executable in a mode), its output collected line by line.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public ConcurrentQueue<(DateTime At, string Line)> Output { get; } = new();

    public static ChildProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KeyWorks.EventStore.Benchmarks.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var child = new ChildProcess(new Process { StartInfo = start });
        child._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                child.Output.Enqueue((DateTime.UtcNow, e.Data));
            }
        };
        child._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                child.Output.Enqueue((DateTime.UtcNow, "stderr: " + e.Data));
            }
        };
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public bool HasExited => _process.HasExited;

    public DateTime? FirstLine(string line) => Output.Where(o => o.Line == line).Select(o => (DateTime?)o.At).FirstOrDefault();

    public string LastLine => Output.LastOrDefault().Line ?? "";

    public async Task<bool> WaitForLineAsync(string line, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (FirstLine(line) is null)
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }

    /// <summary>SIGKILL: no cleanup, no goodbye to the database.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
