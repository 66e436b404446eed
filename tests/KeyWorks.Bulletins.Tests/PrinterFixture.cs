using KeyWorks.Bulletins.Printing;

namespace KeyWorks.Bulletins.Tests;

/// <summary>One printer (one Chromium) shared by the tests of a class, as in production.</summary>
public sealed class PrinterFixture : IAsyncDisposable
{
    public PdfPrinter Printer { get; } = new();

    public ValueTask DisposeAsync() => Printer.DisposeAsync();
}
