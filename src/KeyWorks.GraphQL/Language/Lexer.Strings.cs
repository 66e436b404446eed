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
