using System.Collections.Concurrent;
using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Execution;

/// <summary>Parsed documents by their text, so a repeated query is parsed once; bounded, cleared when full.</summary>
internal static class DocumentCache
{
    private const int Capacity = 2_000;
    private static readonly ConcurrentDictionary<(string, ParserOptions), DocumentNode> Documents = new();

    /// <summary>The parsed document, or null when the text does not parse (the executor reports why).</summary>
    public static DocumentNode? TryParse(string text, ParserOptions options)
    {
        if (Documents.TryGetValue((text, options), out var cached))
        {
            return cached;
        }

        try
        {
            var document = Parser.Parse(text, options);
            if (Documents.Count >= Capacity)
            {
                Documents.Clear();
            }

            Documents[(text, options)] = document;
            return document;
        }
        catch (GraphQLSyntaxException)
        {
            return null;
        }
    }
}
