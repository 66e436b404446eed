using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using KeyWorks.Domain.Storing;
using KeyWorks.GraphQL;
using KeyWorks.GraphQL.Language;
using KeyWorks.Server.Auth;

namespace KeyWorks.Server.Api;

/// <summary>
/// Answers of read-only GraphQL requests, kept per read-model position: a POSTed query (never a mutation) with the same
/// body, from the same signed-in user, asking for the same response type, while the live model and the project records
/// stand at the same positions on the same China date, gets the bytes of the first answer for up to <see cref="Lifetime"/>. Only complete
/// answers (status 200, no <c>errors</c>) are kept.
/// </summary>
/// <remarks>
/// A model at a position never changes, so only what depends on the clock can go stale: problem clocks ("overdue"
/// counts) lag by at most the lifetime. Any event moves the position and so misses the cache.
/// </remarks>
public sealed class ResponseCache(TimeSpan lifetime, int capacity = 512)
{
    private const int MaxBodyBytes = 64 * 1024;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How long an answer is kept.</summary>
    public TimeSpan Lifetime { get; } = lifetime;

    /// <summary>Wraps the GraphQL endpoint's handler.</summary>
    public async Task HandleAsync(HttpContext http, RequestDelegate next)
    {
        if (Lifetime <= TimeSpan.Zero || !HttpMethods.IsPost(http.Request.Method) || http.Request.ContentLength is not (> 0 and <= MaxBodyBytes)
            || http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true
            || Streams(http.Request.Headers.Accept.ToString()))
        {
            await next(http);
            return;
        }

        var body = new byte[(int)http.Request.ContentLength.Value];
        await http.Request.Body.ReadExactlyAsync(body, http.RequestAborted);
        http.Request.Body = new MemoryStream(body, writable: false);

        var services = http.RequestServices;
        var key = Key(http, body, services);
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(key, out var hit) && hit.ExpiresAt > now)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = hit.ContentType;
            http.Response.ContentLength = hit.Body.Length;
            await http.Response.Body.WriteAsync(hit.Body, http.RequestAborted);
            return;
        }

        if (!IsQuery(body))
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var answer = captured.ToArray();
        if (http.Response.StatusCode == StatusCodes.Status200OK && answer.AsSpan().IndexOf("\"errors\""u8) < 0)
        {
            Keep(key, new Entry(answer, http.Response.ContentType ?? "application/json", now + (long)Lifetime.TotalMilliseconds));
        }

        await original.WriteAsync(answer, http.RequestAborted);
    }

    /// <summary>Event streams and multipart answers are delivered as they are produced, never buffered here.</summary>
    private static bool Streams(string accept) =>
        accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) || accept.Contains("multipart/", StringComparison.OrdinalIgnoreCase);

    private void Keep(string key, Entry entry)
    {
        if (_entries.Count >= capacity)
        {
            var now = Environment.TickCount64;
            foreach (var stale in _entries.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }

            if (_entries.Count >= capacity)
            {
                _entries.Clear();
            }
        }

        _entries[key] = entry;
    }

    /// <summary>
    /// Positions of the live model and the project records, today's China date, the user (checked token, not the header),
    /// the response type, the body.
    /// </summary>
    private static string Key(HttpContext http, byte[] body, IServiceProvider services)
    {
        var model = services.GetRequiredService<LiveReadModel>().Current;
        var header = http.Request.Headers.Authorization.ToString();
        var user = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && services.GetRequiredService<AccessTokens>().Check(header["Bearer ".Length..].Trim()) is TokenCheck.Valid valid
            ? $"{valid.Subject.UserId}\u001f{valid.Subject.Role}\u001f{valid.Subject.Unit}"
            : "";
        // The project records (reports, history) follow the store's feed on their own, so their position is part of it too.
        var records = services.GetService<ProjectRecords>()?.Position ?? 0;
        return string.Join('\u001e', model.Position, records, services.GetRequiredService<ApiClock>().Today, user, http.Request.Headers.Accept.ToString(),
            Convert.ToHexString(SHA256.HashData(body)));
    }

    /// <summary>True when the body is one request whose operation is a query (a mutation or a batch is never kept).</summary>
    private static bool IsQuery(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            var name = json.RootElement.TryGetProperty("operationName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var operations = Parser.Parse(query.GetString()!).Definitions.OfType<OperationDefinitionNode>().ToList();
            var operation = name is null ? (operations.Count == 1 ? operations[0] : null) : operations.FirstOrDefault(o => o.Name?.Value == name);
            return operation?.Operation == OperationType.Query;
        }
        catch (Exception e) when (e is JsonException or GraphQLSyntaxException)
        {
            return false;
        }
    }

    private sealed record Entry(byte[] Body, string ContentType, long ExpiresAt);
}
