using System.Text;
using System.Text.RegularExpressions;

namespace KeyWorks.Bulletins.Drafting;

/// <summary>Facts read from a printed PDF without a PDF library.</summary>
public static partial class PdfFacts
{
    // Page objects are "/Type /Page" (the page tree is "/Type /Pages"); Chromium writes them uncompressed.
    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    /// <summary>The number of page objects in the file.</summary>
    public static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));
}
