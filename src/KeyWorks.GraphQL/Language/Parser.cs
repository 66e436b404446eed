namespace KeyWorks.GraphQL.Language;

/// <summary>Limits that keep a hostile document from exhausting memory or the stack while it is parsed.</summary>
public sealed record ParserOptions
{
    public static readonly ParserOptions Default = new();

    /// <summary>The most tokens a document may hold; parsing stops with a syntax error beyond it.</summary>
    public int MaxTokens { get; init; } = 50_000;

    /// <summary>The deepest nesting of selection sets, values and types the parser follows.</summary>
    public int MaxDepth { get; init; } = 256;
}

/// <summary>
/// A recursive-descent parser for GraphQL documents (spec section 2 and 3): executable definitions,
/// type system definitions and extensions. Every node carries its location.
/// </summary>
public sealed partial class Parser
{
    private readonly Lexer _lexer;
    private readonly ParserOptions _options;
    private Token _token;
    private Token _previous;
    private int _tokenCount;
    private int _depth;

    private Parser(string source, ParserOptions? options)
    {
        _lexer = new Lexer(source);
        _options = options ?? ParserOptions.Default;
        _token = new Token(TokenKind.StartOfFile, 0, 0, 1, 1, null);
        Advance();
    }

    /// <summary>Parses a whole document.</summary>
    /// <exception cref="GraphQLSyntaxException">The document is not valid GraphQL, or exceeds a limit.</exception>
    public static DocumentNode Parse(string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        return parser.ParseDocument();
    }

    /// <summary>Parses a single value literal, such as a default value (<c>{a: 1}</c>).</summary>
    public static ValueNode ParseValue(string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a type reference such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        var type = parser.ParseTypeReference();
        parser.Expect(TokenKind.EndOfFile);
        return type;
    }

    private DocumentNode ParseDocument()
    {
        var start = _token;
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (_token.Kind != TokenKind.EndOfFile);

        return new DocumentNode(definitions) { Location = LocationFrom(start), TokenCount = _tokenCount };
    }

    private DefinitionNode ParseDefinition()
    {
        if (_token.Kind == TokenKind.BraceL)
        {
            return ParseOperationDefinition();
        }

        var hasDescription = _token.Kind is TokenKind.String or TokenKind.BlockString;
        var keyword = hasDescription ? LookAhead() : _token;
        if (hasDescription && keyword.Kind == TokenKind.BraceL)
        {
            throw Error(_token, "Unexpected description, descriptions are not supported on shorthand queries.");
        }

        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "schema":
                case "scalar":
                case "type":
                case "interface":
                case "union":
                case "enum":
                case "input":
                case "directive":
                    return ParseTypeSystemDefinition();
                case "query":
                case "mutation":
                case "subscription":
                    var description = ParseDescription();
                    return ParseOperationDefinition() with { Description = description };
                case "fragment":
                    var fragmentDescription = ParseDescription();
                    return ParseFragmentDefinition() with { Description = fragmentDescription };
            }

            if (hasDescription)
            {
                throw Error(_token, "Unexpected description, only GraphQL definitions support descriptions.");
            }

            if (keyword.Value == "extend")
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(keyword);
    }

    // ---- token plumbing ----

    private void Advance()
    {
        _previous = _token;
        _token = _lexer.Next();
        if (_token.Kind != TokenKind.EndOfFile && ++_tokenCount > _options.MaxTokens)
        {
            throw new GraphQLSyntaxException(
                $"Document contains more than {_options.MaxTokens} tokens. Parsing aborted.",
                new SourceLocation(_token.Line, _token.Column));
        }
    }

    private Token LookAhead() => _lexer.PeekNext();

    private Token Expect(TokenKind kind)
    {
        if (_token.Kind == kind)
        {
            var token = _token;
            Advance();
            return token;
        }

        throw new GraphQLSyntaxException($"Expected {Token.KindText(kind)}, found {_token.Describe()}.", new SourceLocation(_token.Line, _token.Column));
    }

    private bool Skip(TokenKind kind)
    {
        if (_token.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (_token.Kind == TokenKind.Name && _token.Value == keyword)
        {
            Advance();
            return;
        }

        throw new GraphQLSyntaxException($"Expected \"{keyword}\", found {_token.Describe()}.", new SourceLocation(_token.Line, _token.Column));
    }

    private bool SkipKeyword(string keyword)
    {
        if (_token.Kind == TokenKind.Name && _token.Value == keyword)
        {
            Advance();
            return true;
        }

        return false;
    }

    private bool Peek(TokenKind kind) => _token.Kind == kind;

    private bool PeekKeyword(string keyword) => _token.Kind == TokenKind.Name && _token.Value == keyword;

    private Name ParseName()
    {
        var token = Expect(TokenKind.Name);
        return new Name(token.Value!) { Location = new Location(token.Start, token.End, token.Line, token.Column) };
    }

    private Location LocationFrom(Token start) => new(start.Start, _previous.End, start.Line, start.Column);

    private GraphQLSyntaxException Unexpected(Token? token = null)
    {
        var at = token ?? _token;
        return new GraphQLSyntaxException($"Unexpected {at.Describe()}.", new SourceLocation(at.Line, at.Column));
    }

    private static GraphQLSyntaxException Error(Token at, string message) =>
        new(message, new SourceLocation(at.Line, at.Column));

    /// <summary>Counts one level of nesting; the returned scope gives it back.</summary>
    private DepthScope Nest()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw new GraphQLSyntaxException(
                $"Document nesting exceeds the maximum depth of {_options.MaxDepth}.",
                new SourceLocation(_token.Line, _token.Column));
        }

        return new DepthScope(this);
    }

    private readonly struct DepthScope(Parser parser) : IDisposable
    {
        public void Dispose() => parser._depth--;
    }

    /// <summary>Parses <c>open item* close</c>, allowing an empty list.</summary>
    private List<T> Any<T>(TokenKind open, Func<T> item, TokenKind close)
    {
        Expect(open);
        var items = new List<T>();
        while (!Skip(close))
        {
            items.Add(item());
        }

        return items;
    }

    /// <summary>Parses <c>open item+ close</c>.</summary>
    private List<T> Many<T>(TokenKind open, Func<T> item, TokenKind close)
    {
        Expect(open);
        var items = new List<T>();
        do
        {
            items.Add(item());
        }
        while (!Skip(close));

        return items;
    }

    private List<T> OptionalMany<T>(TokenKind open, Func<T> item, TokenKind close) =>
        Peek(open) ? Many(open, item, close) : [];
}
