using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Execution;

/// <summary>A GraphQL request: the document text (or a parsed document), the operation to run and its variables.</summary>
public sealed record ExecutionRequest
{
    public string? Query { get; init; }

    /// <summary>An already parsed document; takes precedence over <see cref="Query"/>.</summary>
    public DocumentNode? Document { get; init; }

    public string? OperationName { get; init; }

    /// <summary>Variable values as decoded from JSON: dictionaries, lists, strings, numbers, booleans, null.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>The value the root fields resolve against.</summary>
    public object? RootValue { get; init; }
}

/// <summary>
/// The outcome of a request. A request error (syntax, validation, variables, limits) has no data at all;
/// an execution error leaves data with nulls where fields failed.
/// </summary>
public sealed class ExecutionResult
{
    public ExecutionResult(object? data, IReadOnlyList<GraphQLError> errors, bool hasData)
    {
        Data = data;
        Errors = errors;
        HasData = hasData;
    }

    /// <summary>The response data: a <see cref="ResultMap"/>, or null when the root was nulled or there is no data.</summary>
    public object? Data { get; }

    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>False when the request failed before execution started, so the response has no <c>data</c> entry.</summary>
    public bool HasData { get; }

    public static ExecutionResult RequestError(IReadOnlyList<GraphQLError> errors) => new(null, errors, hasData: false);

    public static ExecutionResult RequestError(GraphQLError error) => new(null, [error], hasData: false);
}

/// <summary>Limits and switches for one execution; the defaults suit a public endpoint.</summary>
public sealed record ExecutionOptions
{
    public static readonly ExecutionOptions Default = new();

    /// <summary>The longest document accepted, in characters.</summary>
    public int MaxDocumentLength { get; init; } = 100_000;

    /// <summary>The parser's limits (tokens and nesting).</summary>
    public ParserOptions Parser { get; init; } = new() { MaxTokens = 20_000, MaxDepth = 128 };

    /// <summary>The deepest field nesting an operation may select (fragments expanded); null for no limit.</summary>
    public int? MaxDepth { get; init; } = 15;

    /// <summary>The highest cost an operation may have (see <see cref="KeyWorks.GraphQL.Limits.CostAnalyzer"/>); null for no limit.</summary>
    public int? MaxCost { get; init; } = 50_000;

    /// <summary>How long execution may take before it is cancelled with a timeout error; null for no limit.</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether <c>__schema</c> and <c>__type</c> may be queried (<c>__typename</c> always may).</summary>
    public bool AllowIntrospection { get; init; } = true;

    /// <summary>Report the message of unexpected exceptions from resolvers; otherwise clients see "Unexpected error.".</summary>
    public bool ExposeExceptionMessages { get; init; }

    /// <summary>
    /// Turns an unexpected exception from a resolver into a field error with a code of the application's (a lost
    /// database as a retriable error, say); null, or a null answer, leaves it an internal error.
    /// </summary>
    public Func<Exception, GraphQLException?>? TranslateException { get; init; }

    /// <summary>Run validation; turn off only for documents known valid (persisted documents already checked).</summary>
    public bool Validate { get; init; } = true;
}
