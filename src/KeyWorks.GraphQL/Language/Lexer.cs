using System.Globalization;

namespace KeyWorks.GraphQL.Language;

/// <summary>
/// Splits a GraphQL source into tokens (spec section 2.1), skipping ignored tokens: white space,
/// line terminators, commas, comments and the byte order mark.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _source;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    public Lexer(string source)
    {
        _source = source;
    }

    /// <summary>The token after the current position, leaving the position where it is.</summary>
    public Token PeekNext()
    {
        var (position, line, lineStart) = (_position, _line, _lineStart);
        try
        {
            return Next();
        }
        finally
        {
            (_position, _line, _lineStart) = (position, line, lineStart);
        }
    }

    public Token Next()
    {
        SkipIgnored();
        var start = _position;
        var line = _line;
        var column = start - _lineStart + 1;
        if (_position >= _source.Length)
        {
            return new Token(TokenKind.EndOfFile, start, start, line, column, null);
        }

        var c = _source[_position];
        TokenKind? punctuator = c switch
        {
            '!' => TokenKind.Bang,
            '$' => TokenKind.Dollar,
            '&' => TokenKind.Amp,
            '(' => TokenKind.ParenL,
            ')' => TokenKind.ParenR,
            ':' => TokenKind.Colon,
            '=' => TokenKind.EqualsSign,
            '@' => TokenKind.At,
            '[' => TokenKind.BracketL,
            ']' => TokenKind.BracketR,
            '{' => TokenKind.BraceL,
            '|' => TokenKind.Pipe,
            '}' => TokenKind.BraceR,
            _ => null,
        };
        if (punctuator is { } kind)
        {
            _position++;
            return new Token(kind, start, _position, line, column, null);
        }

        if (c == '.')
        {
            if (Peek(1) == '.' && Peek(2) == '.')
            {
                _position += 3;
                return new Token(TokenKind.Spread, start, _position, line, column, null);
            }

            throw Error(start, "Unexpected character: \".\".");
        }

        if (IsNameStart(c))
        {
            while (_position < _source.Length && IsNameContinue(_source[_position]))
            {
                _position++;
            }

            return new Token(TokenKind.Name, start, _position, line, column, _source[start.._position]);
        }

        if (c == '-' || IsDigit(c))
        {
            return ReadNumber(start, line, column);
        }

        if (c == '"')
        {
            if (Peek(1) == '"' && Peek(2) == '"')
            {
                return ReadBlockString(start, line, column);
            }

            return ReadString(start, line, column);
        }

        throw Error(start, "Unexpected character: " + DescribeChar(start) + ".");
    }

    private void SkipIgnored()
    {
        while (_position < _source.Length)
        {
            var c = _source[_position];
            switch (c)
            {
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                    _position++;
                    break;
                case '\n':
                    _position++;
                    NewLine();
                    break;
                case '\r':
                    _position++;
                    if (Peek(0) == '\n')
                    {
                        _position++;
                    }

                    NewLine();
                    break;
                case '#':
                    while (_position < _source.Length && _source[_position] != '\n' && _source[_position] != '\r')
                    {
                        _position++;
                    }

                    break;
                default:
                    return;
            }
        }
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _position;
    }

    private Token ReadNumber(int start, int line, int column)
    {
        var isFloat = false;
        if (Peek(0) == '-')
        {
            _position++;
        }

        if (Peek(0) == '0')
        {
            _position++;
            if (IsDigit(Peek(0)))
            {
                throw Error(_position, "Invalid number, unexpected digit after 0: " + DescribeChar(_position) + ".");
            }
        }
        else
        {
            ReadDigits();
        }

        if (Peek(0) == '.')
        {
            isFloat = true;
            _position++;
            ReadDigits();
        }

        if (Peek(0) is 'e' or 'E')
        {
            isFloat = true;
            _position++;
            if (Peek(0) is '+' or '-')
            {
                _position++;
            }

            ReadDigits();
        }

        var next = Peek(0);
        if (next == '.' || IsNameStart(next))
        {
            throw Error(_position, "Invalid number, expected digit but got: " + DescribeChar(_position) + ".");
        }

        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, start, _position, line, column, _source[start.._position]);
    }

    private void ReadDigits()
    {
        if (!IsDigit(Peek(0)))
        {
            throw Error(_position, "Invalid number, expected digit but got: " + DescribeChar(_position) + ".");
        }

        while (IsDigit(Peek(0)))
        {
            _position++;
        }
    }

    private char Peek(int offset) => _position + offset < _source.Length ? _source[_position + offset] : '\0';

    private string DescribeChar(int position)
    {
        if (position >= _source.Length)
        {
            return "<EOF>";
        }

        var c = _source[position];
        if (c >= 0x20 && c <= 0x7E)
        {
            return c == '"' ? "'\"'" : $"\"{c}\"";
        }

        if (char.IsHighSurrogate(c) && position + 1 < _source.Length && char.IsLowSurrogate(_source[position + 1]))
        {
            return "U+" + char.ConvertToUtf32(c, _source[position + 1]).ToString("X4", CultureInfo.InvariantCulture);
        }

        return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
    }

    private GraphQLSyntaxException Error(int position, string description) =>
        new(description, new SourceLocation(_line, position - _lineStart + 1));

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsNameContinue(char c) => IsNameStart(c) || IsDigit(c);
}
