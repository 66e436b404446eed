namespace KeyWorks.GraphQL.Http;

/// <summary>Accept header negotiation for the GraphQL over HTTP media types.</summary>
internal static class MediaTypes
{
    /// <summary>
    /// application/graphql-response+json when the client lists it, application/json when it lists that, a
    /// wildcard or nothing; null when it accepts neither (406).
    /// </summary>
    public static string? Negotiate(string accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return GraphQLHttpHandler.Json;
        }

        var ranges = Parse(accept).Where(r => r.Quality > 0).OrderByDescending(r => r.Quality).ToList();
        foreach (var (type, _) in ranges)
        {
            switch (type)
            {
                case GraphQLHttpHandler.GraphQLResponseJson:
                    return GraphQLHttpHandler.GraphQLResponseJson;
                case GraphQLHttpHandler.Json:
                case "application/*":
                case "*/*":
                    return GraphQLHttpHandler.Json;
            }
        }

        return null;
    }

    public static bool Accepts(string accept, string mediaType) =>
        Parse(accept).Any(r => r.Quality > 0 && r.Type == mediaType);

    public static bool IsJsonContentType(string contentType) =>
        contentType.Split(';')[0].Trim().Equals(GraphQLHttpHandler.Json, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<(string Type, double Quality)> Parse(string accept)
    {
        foreach (var part in accept.Split(','))
        {
            var pieces = part.Split(';');
            var type = pieces[0].Trim().ToLowerInvariant();
            if (type.Length == 0)
            {
                continue;
            }

            var quality = 1.0;
            foreach (var parameter in pieces.Skip(1))
            {
                var pair = parameter.Split('=', 2);
                if (pair.Length == 2 && pair[0].Trim() == "q"
                    && double.TryParse(pair[1].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q))
                {
                    quality = q;
                }
            }

            yield return (type, quality);
        }
    }
}
