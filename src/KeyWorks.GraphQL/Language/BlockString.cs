using System.Text;

namespace KeyWorks.GraphQL.Language;

/// <summary>The block string value algorithm of the spec: common indentation and blank edge lines removed.</summary>
public static class BlockString
{
    public static string Dedent(string raw)
    {
        var lines = SplitLines(raw);
        int? commonIndent = null;
        for (var i = 1; i < lines.Count; i++)
        {
            var indent = LeadingWhitespace(lines[i]);
            if (indent < lines[i].Length && (commonIndent is null || indent < commonIndent))
            {
                commonIndent = indent;
            }
        }

        if (commonIndent is { } common && common > 0)
        {
            for (var i = 1; i < lines.Count; i++)
            {
                lines[i] = lines[i].Length <= common ? "" : lines[i][common..];
            }
        }

        var first = 0;
        while (first < lines.Count && IsBlank(lines[first]))
        {
            first++;
        }

        var last = lines.Count - 1;
        while (last >= first && IsBlank(lines[last]))
        {
            last--;
        }

        return first > last ? "" : string.Join('\n', lines.GetRange(first, last - first + 1));
    }

    /// <summary>Prints a value as a block string literal, choosing a layout that reads back to the same value.</summary>
    public static string Print(string value, bool minimize = false)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = value.Split('\n');
        var isSingleLine = lines.Length == 1;
        var forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(l => l.Length == 0 || l[0] is ' ' or '\t');
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !minimize && (!isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes);
        var result = new StringBuilder();
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && value[0] is ' ' or '\t';
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }

        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewline)
        {
            result.Append('\n');
        }

        return "\"\"\"" + result + "\"\"\"";
    }

    private static List<string> SplitLines(string raw)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || raw[i] == '\r')
            {
                lines.Add(raw[start..i]);
                if (raw[i] == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(raw[start..]);
        return lines;
    }

    private static int LeadingWhitespace(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static bool IsBlank(string line) => LeadingWhitespace(line) == line.Length;
}
