using System.Text;

namespace KeyWorks.GraphQL.Language;

internal sealed partial class Lexer
{
    private Token ReadString(int start, int line, int column)
    {
        _position++;
        StringBuilder? builder = null;
        var chunkStart = _position;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '"')
            {
                var value = builder is null
                    ? _source[chunkStart.._position]
                    : builder.Append(_source, chunkStart, _position - chunkStart).ToString();
                _position++;
                return new Token(TokenKind.String, start, _position, line, column, value);
            }

            if (c is '\n' or '\r')
            {
                break;
            }

            if (c == '\\')
            {
                builder ??= new StringBuilder();
                builder.Append(_source, chunkStart, _position - chunkStart);
                ReadEscape(builder);
                chunkStart = _position;
                continue;
            }

            CheckSourceCharacter(c, "Invalid character within String: ");
            _position++;
        }

        throw Error(_position, "Unterminated string.");
    }

    private void CheckSourceCharacter(char c, string message)
    {
        if (c < 0x20 && c != '\t')
        {
            throw Error(_position, message + DescribeChar(_position) + ".");
        }

        if (char.IsHighSurrogate(c))
        {
            if (!char.IsLowSurrogate(Peek(1)))
            {
                throw Error(_position, message + DescribeChar(_position) + ".");
            }

            _position++;
        }
        else if (char.IsLowSurrogate(c))
        {
            throw Error(_position, message + DescribeChar(_position) + ".");
        }
    }

    private void ReadEscape(StringBuilder builder)
    {
        var escapeStart = _position;
        var next = Peek(1);
        switch (next)
        {
            case '"': builder.Append('"'); _position += 2; return;
            case '\\': builder.Append('\\'); _position += 2; return;
            case '/': builder.Append('/'); _position += 2; return;
            case 'b': builder.Append('\b'); _position += 2; return;
            case 'f': builder.Append('\f'); _position += 2; return;
            case 'n': builder.Append('\n'); _position += 2; return;
            case 'r': builder.Append('\r'); _position += 2; return;
            case 't': builder.Append('\t'); _position += 2; return;
            case 'u':
                ReadUnicodeEscape(builder, escapeStart);
                return;
            default:
                throw Error(escapeStart, $"Invalid character escape sequence: \"{EscapeText(escapeStart, 2)}\".");
        }
    }

    private void ReadUnicodeEscape(StringBuilder builder, int escapeStart)
    {
        if (Peek(2) == '{')
        {
            // Variable-width escape \u{1F600}.
            var i = escapeStart + 3;
            var value = 0;
            while (i < _source.Length && _source[i] != '}' && i - escapeStart < 12)
            {
                var digit = HexValue(_source[i]);
                if (digit < 0 || value > 0x10FFFF)
                {
                    break;
                }

                value = (value << 4) | digit;
                i++;
            }

            if (i >= _source.Length || _source[i] != '}' || i == escapeStart + 3 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            {
                var end = Math.Min(_source.Length, i + 1);
                throw Error(escapeStart, $"Invalid Unicode escape sequence: \"{_source[escapeStart..end]}\".");
            }

            builder.Append(char.ConvertFromUtf32(value));
            _position = i + 1;
            return;
        }

        var code = ReadHex4(escapeStart + 2);
        if (code < 0)
        {
            throw Error(escapeStart, $"Invalid Unicode escape sequence: \"{EscapeText(escapeStart, 6)}\".");
        }

        if (code >= 0xD800 && code <= 0xDBFF)
        {
            // A leading surrogate must be followed by an escaped trailing surrogate.
            if (escapeStart + 7 < _source.Length && _source[escapeStart + 6] == '\\' && _source[escapeStart + 7] == 'u')
            {
                var trailing = ReadHex4(escapeStart + 8);
                if (trailing >= 0xDC00 && trailing <= 0xDFFF)
                {
                    builder.Append((char)code).Append((char)trailing);
                    _position = escapeStart + 12;
                    return;
                }
            }

            throw Error(escapeStart, $"Invalid Unicode escape sequence: \"{EscapeText(escapeStart, 6)}\".");
        }

        if (code >= 0xDC00 && code <= 0xDFFF)
        {
            throw Error(escapeStart, $"Invalid Unicode escape sequence: \"{EscapeText(escapeStart, 6)}\".");
        }

        builder.Append((char)code);
        _position = escapeStart + 6;
    }

    private string EscapeText(int start, int length) => _source[start..Math.Min(_source.Length, start + length)];

    private int ReadHex4(int at)
    {
        if (at + 4 > _source.Length)
        {
            return -1;
        }

        var value = 0;
        for (var i = at; i < at + 4; i++)
        {
            var digit = HexValue(_source[i]);
            if (digit < 0)
            {
                return -1;
            }

            value = (value << 4) | digit;
        }

        return value;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private Token ReadBlockString(int start, int line, int column)
    {
        _position += 3;
        var raw = new StringBuilder();
        var chunkStart = _position;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                raw.Append(_source, chunkStart, _position - chunkStart);
                _position += 3;
                return new Token(TokenKind.BlockString, start, _position, line, column, BlockString.Dedent(raw.ToString()));
            }

            if (c == '\\' && Peek(1) == '"' && Peek(2) == '"' && Peek(3) == '"')
            {
                raw.Append(_source, chunkStart, _position - chunkStart).Append("\"\"\"");
                _position += 4;
                chunkStart = _position;
                continue;
            }

            if (c is '\n' or '\r')
            {
                _position += c == '\r' && Peek(1) == '\n' ? 2 : 1;
                NewLine();
                continue;
            }

            CheckSourceCharacter(c, "Invalid character within String: ");
            _position++;
        }

        throw Error(_position, "Unterminated string.");
    }
}

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
