namespace KeyWorks.Bulletins.Printing;

/// <summary>
/// An HTML page ready to print, with the files it loads. The printer serves the page and its assets from memory
/// on its own loopback address and refuses every other request, so printing needs no network. Pass the same
/// assets dictionary for every job: the printer publishes a set once and the browser caches it.
/// The page must set <c>window.bulletinReady = true</c> when it has finished drawing, or
/// <c>window.bulletinError</c> to a message when it cannot.
/// </summary>
/// <param name="Assets">file name (relative to the page; letters, digits, '.', '-', '_') → content</param>
public sealed record PrintableDocument(string Html, IReadOnlyDictionary<string, PageAsset> Assets);

/// <summary>A file the page loads, e.g. a script or a stylesheet.</summary>
public sealed record PageAsset(string ContentType, ReadOnlyMemory<byte> Content);
