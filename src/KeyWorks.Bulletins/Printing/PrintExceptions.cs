namespace KeyWorks.Bulletins.Printing;

/// <summary>A bulletin could not be printed to PDF.</summary>
public class BulletinPrintException : Exception
{
    public BulletinPrintException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>True when running the same job again may succeed (the browser has been replaced).</summary>
    public virtual bool IsRetriable => false;
}

/// <summary>
/// Chromium exited or could not be reached during the job. The printer starts a new one on the next job,
/// so the job can simply be run again.
/// </summary>
public sealed class BrowserUnavailableException : BulletinPrintException
{
    public BrowserUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public override bool IsRetriable => true;
}

/// <summary>The page did not finish drawing and printing within <see cref="PdfPrinterOptions.RenderTimeout"/>.</summary>
public sealed class BulletinRenderTimeoutException : BulletinPrintException
{
    public BulletinRenderTimeoutException(TimeSpan timeout, string stage, Exception? innerException = null)
        : base($"Printing the bulletin did not finish within {timeout.TotalSeconds:0.#} s (stopped while {stage}).", innerException)
    {
        Timeout = timeout;
        Stage = stage;
    }

    public TimeSpan Timeout { get; }

    /// <summary>What the job was doing when time ran out: loading the page, drawing charts, printing.</summary>
    public string Stage { get; }
}
