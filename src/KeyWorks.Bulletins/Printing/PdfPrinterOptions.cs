namespace KeyWorks.Bulletins.Printing;

/// <summary>Where Chromium is and how long a job may take.</summary>
public sealed class PdfPrinterOptions
{
    /// <summary>The Chromium to drive; the printer never downloads one.</summary>
    public string ExecutablePath { get; set; } = "/usr/bin/chromium";

    /// <summary>From opening the page to the PDF bytes, per job.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Starting Chromium.</summary>
    public TimeSpan LaunchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Flags for a headless Chromium that reaches no network service of its own.</summary>
    public IList<string> Arguments { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--headless",
    ];
}
