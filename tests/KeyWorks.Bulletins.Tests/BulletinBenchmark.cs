using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using KeyWorks.Bulletins.Html;

namespace KeyWorks.Bulletins.Tests;

/// <summary>
/// Opt-in measurement, not a test of speed: set KEYWORKS_BULLETIN_BENCHMARK=1 (see src/README.md).
/// Prints the time of a 30-project bulletin with a warm browser and the memory of this process, the
/// Playwright driver and Chromium while printing 20 in a row, with this process's working set and managed heap
/// after each print.
/// </summary>
public sealed class bulletin_benchmark(ITestOutputHelper output)
{
    private const int Runs = 20;

    [Fact]
    public async Task thirty_project_bulletin_with_a_warm_browser()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("KEYWORKS_BULLETIN_BENCHMARK") == "1", "set KEYWORKS_BULLETIN_BENCHMARK=1 to measure");
        var cancel = TestContext.Current.CancellationToken;
        var document = SampleBulletin.Create();
        var renderer = new BulletinHtmlRenderer();
        await using var printer = new Printing.PdfPrinter();

        var cold = Stopwatch.StartNew();
        var firstPage = renderer.Render(document);
        var first = await printer.PrintAsync(firstPage, cancel);
        cold.Stop();
        var pages = await PdfTools.PageCountAsync(await PdfTools.SaveAsync("benchmark", first));
        var charts = Regex.Count(firstPage.Html, "class=\"chart-box\"");

        using var sampler = new MemorySampler(Environment.ProcessId);
        var times = new List<double>();
        var perJob = new List<string>();
        var idleAfterFirst = "";
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var pdf = await printer.PrintAsync(renderer.Render(document), cancel);
            watch.Stop();
            Assert.True(pdf.Length > 10_000);
            times.Add(watch.Elapsed.TotalMilliseconds);
            self.Refresh();
            perJob.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"  {i + 1,2}: {watch.Elapsed.TotalMilliseconds,5:0} ms; .NET working set {self.WorkingSet64 / 1048576.0,4:0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0,4:0} MB; Chromium PSS {MemorySampler.PssMb(Environment.ProcessId, "chromium"),4:0} MB"));
            if (i == 0)
            {
                idleAfterFirst = await MemorySampler.SettledPssMbAsync(Environment.ProcessId, cancel);
            }
        }

        var idleAfterLast = await MemorySampler.SettledPssMbAsync(Environment.ProcessId, cancel);
        var managedLive = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;

        var memory = sampler.Stop();
        self.Refresh();
        var cpuPerPrint = memory.CpuSeconds * 1000 / Runs;
        var sorted = times.Order().ToList();
        var report = string.Join(
            Environment.NewLine,
            $"bulletin: 30 projects, {pages} pages, {charts} charts, {first.Length / 1024} KiB",
            $"first print (browser start included): {cold.Elapsed.TotalMilliseconds:0} ms",
            $"warm prints x{Runs}: median {sorted[Runs / 2]:0} ms, min {sorted[0]:0} ms, max {sorted[^1]:0} ms",
            $"CPU time per warm print (test host + driver + Chromium, all cores): {cpuPerPrint:0} ms",
            $"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores",
            $"peak memory while printing {Runs}: this .NET process RSS {memory.PeakOwnRssMb:0} MB (peak working set of its life {self.PeakWorkingSet64 / 1048576.0:0} MB); whole tree RSS sum {memory.PeakRssMb:0} MB, PSS sum {memory.PeakPssMb:0} MB over {memory.PeakProcesses} processes (test host + Playwright driver + Chromium)",
            $"after each warm print (no forced collection):",
            string.Join(Environment.NewLine, perJob),
            $"tree PSS between jobs (1 s after a print), after the first of {Runs}: {idleAfterFirst}",
            $"  after the last: {idleAfterLast}",
            $"  managed heap of this process after a full collection: {managedLive:0} MB");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(PdfTools.ArtifactsFolder, "benchmark.txt"), report + Environment.NewLine, cancel);
    }

    /// <summary>Samples RSS and PSS of a process and all its descendants every 250 ms.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly int _root;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private readonly double _startCpuTicks;
        private double _peakRss;
        private double _peakOwnRss;
        private double _peakPss;
        private int _peakProcesses;

        public MemorySampler(int root)
        {
            _root = root;
            _startCpuTicks = CpuTicks(Descendants(root));
            _loop = Task.Run(LoopAsync);
        }

        public (double PeakRssMb, double PeakPssMb, int PeakProcesses, double PeakOwnRssMb, double CpuSeconds) Stop()
        {
            _stop.Cancel();
            _loop.Wait();
            var cpu = (CpuTicks(Descendants(_root)) - _startCpuTicks) / 100.0;
            return (_peakRss / 1024, _peakPss / 1024, _peakProcesses, _peakOwnRss / 1024, cpu);
        }

        /// <summary>PSS of the whole tree, and of each kind of process, once the last job's page has closed.</summary>
        public static async Task<string> SettledPssMbAsync(int root, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var byKind = Descendants(root)
                .Select(pid => (Kind: pid == root ? "dotnet" : Kind(pid), Kb: ReadKb($"/proc/{pid}/smaps_rollup", "Pss:")))
                .GroupBy(p => p.Kind)
                .Select(g => (g.Key, Mb: g.Sum(p => p.Kb) / 1024))
                .OrderByDescending(g => g.Mb)
                .ToList();
            return $"{byKind.Sum(k => k.Mb):0} MB (" + string.Join(", ", byKind.Select(k => $"{k.Key} {k.Mb:0}")) + ")";
        }

        /// <summary>PSS of the descendants whose kind starts with <paramref name="kind"/>, now.</summary>
        public static double PssMb(int root, string kind) =>
            Descendants(root).Where(pid => pid != root && Kind(pid).StartsWith(kind, StringComparison.Ordinal))
                .Sum(pid => ReadKb($"/proc/{pid}/smaps_rollup", "Pss:")) / 1024;

        private static string Kind(int pid)
        {
            try
            {
                // Chromium rewrites its argv into one line, so look for the switch anywhere.
                var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
                var type = Regex.Match(commandLine, "--type=([a-z-]+)");
                return type.Success ? "chromium-" + type.Groups[1].Value
                    : commandLine.Contains("chromium", StringComparison.Ordinal) ? "chromium-browser"
                    : Path.GetFileName(commandLine.Split(' ')[0]);
            }
            catch (IOException)
            {
                return "gone";
            }
        }

        /// <summary>utime + stime + cutime + cstime in clock ticks (100 per second on Linux).</summary>
        private static double CpuTicks(IEnumerable<int> pids)
        {
            double ticks = 0;
            foreach (var pid in pids)
            {
                try
                {
                    var stat = File.ReadAllText($"/proc/{pid}/stat");
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    // After "state": fields[11..14] are utime, stime, cutime, cstime.
                    ticks += fields[11..15].Sum(f => double.Parse(f, CultureInfo.InvariantCulture));
                }
                catch (IOException)
                {
                }
            }

            return ticks;
        }

        public void Dispose() => _stop.Dispose();

        private async Task LoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var tree = Descendants(_root);
                double rss = 0, pss = 0;
                foreach (var pid in tree)
                {
                    rss += ReadKb($"/proc/{pid}/status", "VmRSS:");
                    pss += ReadKb($"/proc/{pid}/smaps_rollup", "Pss:");
                }

                _peakRss = Math.Max(_peakRss, rss);
                _peakOwnRss = Math.Max(_peakOwnRss, ReadKb($"/proc/{_root}/status", "VmRSS:"));
                if (pss > _peakPss)
                {
                    _peakPss = pss;
                    _peakProcesses = tree.Count;
                }

                try
                {
                    await Task.Delay(250, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        private static List<int> Descendants(int root)
        {
            var parents = new Dictionary<int, int>();
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(folder), out var pid))
                {
                    try
                    {
                        var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                        // pid (comm) state ppid …; comm may hold spaces, so read after the last ')'.
                        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                        parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                    }
                    catch (IOException)
                    {
                    }
                }
            }

            var tree = new List<int> { root };
            for (var i = 0; i < tree.Count; i++)
            {
                tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
            }

            return tree;
        }

        private static double ReadKb(string path, string key)
        {
            try
            {
                var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
                return line is null ? 0 : double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }
}
