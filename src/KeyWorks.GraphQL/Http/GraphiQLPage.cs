using Microsoft.AspNetCore.Http;

namespace KeyWorks.GraphQL.Http;

/// <summary>
/// GraphiQL for browsers: a page at the endpoint's own path, with its script and stylesheet (bundled at
/// build time from npm, embedded in this assembly) served from the same path with <c>?graphiql=…</c>.
/// </summary>
internal static class GraphiQLPage
{
    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>GraphiQL</title>
          <link rel="stylesheet" href="?graphiql=graphiql.css">
          <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
        </head>
        <body>
          <div id="graphiql">Loading…</div>
          <script src="?graphiql=graphiql.js"></script>
        </body>
        </html>
        """;

    public static bool IsAssetRequest(HttpContext http) => http.Request.Query.ContainsKey("graphiql");

    public static async Task WriteAsync(HttpContext http)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.WriteAsync(Html, http.RequestAborted).ConfigureAwait(false);
    }

    public static async Task WriteAssetAsync(HttpContext http)
    {
        var name = http.Request.Query["graphiql"].ToString();
        var contentType = name switch
        {
            "graphiql.js" => "text/javascript; charset=utf-8",
            "graphiql.css" => "text/css; charset=utf-8",
            _ => null,
        };
        await using var resource = contentType is null ? null : typeof(GraphiQLPage).Assembly.GetManifestResourceStream("KeyWorks.GraphQL.GraphiQL." + name);
        if (resource is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = contentType;
        http.Response.Headers.CacheControl = "public, max-age=86400";
        http.Response.ContentLength = resource.Length;
        await resource.CopyToAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
    }
}
