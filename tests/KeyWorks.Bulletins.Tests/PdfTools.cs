using System.Diagnostics;

namespace KeyWorks.Bulletins.Tests;

/// <summary>poppler-utils, to read printed bulletins back as text and images; output stays under bin/ (not in git).</summary>
internal static class PdfTools
{
    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static async Task<string> SaveAsync(string name, byte[] pdf)
    {
        var path = Path.Combine(ArtifactsFolder, name + ".pdf");
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);
        return path;
    }

    /// <summary>pdftotext -layout, all pages.</summary>
    public static Task<string> TextAsync(string pdfPath) => RunAsync("pdftotext", "-layout", "-enc", "UTF-8", pdfPath, "-");

    public static async Task<int> PageCountAsync(string pdfPath)
    {
        var info = await RunAsync("pdfinfo", pdfPath);
        var line = info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim());
    }

    /// <summary>pdftoppm -png -r 60 of one page, for looking at the layout.</summary>
    public static async Task<string> PageImageAsync(string pdfPath, int page)
    {
        var prefix = Path.Combine(ArtifactsFolder, $"{Path.GetFileNameWithoutExtension(pdfPath)}-p{page}");
        await RunAsync("pdftoppm", "-png", "-r", "60", "-f", page.ToString(), "-l", page.ToString(), "-singlefile", pdfPath, prefix);
        return prefix + ".png";
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
