namespace KeyWorks.GraphQL;

/// <summary>A line and column in a GraphQL document, both counted from 1.</summary>
public readonly record struct SourceLocation(int Line, int Column);

/// <summary>
/// An error as the GraphQL response reports it: a message, the places in the document it concerns,
/// the response path of the field that raised it, and extensions (<c>code</c> among them).
/// </summary>
public sealed class GraphQLError
{
    public GraphQLError(
        string message,
        IReadOnlyList<SourceLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Message = message;
        Locations = locations ?? [];
        Path = path;
        Extensions = extensions;
    }

    public string Message { get; }

    public IReadOnlyList<SourceLocation> Locations { get; }

    /// <summary>Field names and list indexes from the response root to the failing field; null outside execution.</summary>
    public IReadOnlyList<object>? Path { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The <c>extensions.code</c> value, when there is one.</summary>
    public string? Code => Extensions is not null && Extensions.TryGetValue("code", out var code) ? code as string : null;

    public GraphQLError WithPath(IReadOnlyList<object> path) => new(Message, Locations, path, Extensions);

    public override string ToString()
    {
        var where = Locations.Count == 0 ? "" : " (" + string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}")) + ")";
        return Message + where;
    }

    /// <summary>Builds the extensions dictionary holding a code.</summary>
    public static IReadOnlyDictionary<string, object?> CodeExtension(string code) => new Dictionary<string, object?> { ["code"] = code };
}

/// <summary>
/// Thrown by resolvers and by the engine for an error the client should see; carries a stable code
/// that reaches the response as <c>extensions.code</c>.
/// </summary>
public class GraphQLException : Exception
{
    public GraphQLException(string message, string? code = null, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Code = code;
        Extensions = extensions;
    }

    public GraphQLException(string message, IReadOnlyList<SourceLocation> locations, string? code = null)
        : base(message)
    {
        Code = code;
        Locations = locations;
    }

    public GraphQLException()
    {
    }

    public GraphQLException(string message)
        : base(message)
    {
    }

    public GraphQLException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Code { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    public IReadOnlyList<SourceLocation> Locations { get; } = [];

    /// <summary>The error as a response error, merging <see cref="Code"/> into the extensions.</summary>
    public GraphQLError ToError(IReadOnlyList<SourceLocation>? locations = null, IReadOnlyList<object>? path = null)
    {
        IReadOnlyDictionary<string, object?>? extensions = Extensions;
        if (Code is not null)
        {
            var merged = Extensions is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(Extensions);
            merged["code"] = Code;
            extensions = merged;
        }

        return new GraphQLError(Message, Locations.Count > 0 ? Locations : locations, path, extensions);
    }
}

/// <summary>A document that does not follow the GraphQL grammar, or exceeds a parser limit.</summary>
public sealed class GraphQLSyntaxException : GraphQLException
{
    public GraphQLSyntaxException(string description, SourceLocation location)
        : base("Syntax Error: " + description, [location], "GRAPHQL_PARSE_FAILED")
    {
        Description = description;
        Location = location;
    }

    public GraphQLSyntaxException()
    {
        Description = "";
    }

    public GraphQLSyntaxException(string message)
        : base(message)
    {
        Description = message;
    }

    public GraphQLSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Description = message;
    }

    public string Description { get; }

    public SourceLocation Location { get; }
}
