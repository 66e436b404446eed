using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KeyWorks.Server.Soak;

/// <summary>One HTTP exchange with <c>/graphql</c>: status, body (when JSON), or the network failure, and how long it took.</summary>
public sealed record ApiAnswer(int Status, JsonElement? Body, string? NetworkError, TimeSpan Elapsed)
{
    /// <summary>The first GraphQL error's <c>extensions.code</c>, or null.</summary>
    public string? ErrorCode => FirstError?.TryGetProperty("extensions", out var x) == true && x.TryGetProperty("code", out var c) ? c.GetString() : null;

    /// <summary>True when the client should send the same request again (network, 5xx, or a GraphQL error marked retriable).</summary>
    public bool Retriable => NetworkError is not null || Status >= 500
        || (FirstError?.TryGetProperty("extensions", out var x) == true && x.TryGetProperty("retriable", out var r) && r.ValueKind == JsonValueKind.True);

    /// <summary>What went wrong, as a code for counting: <c>NETWORK</c>, <c>HTTP_503</c>, a GraphQL error code, or null.</summary>
    public string? Failure => NetworkError is not null ? "NETWORK" : Status >= 500 ? $"HTTP_{Status}" : FirstError is not null ? ErrorCode ?? "GRAPHQL_ERROR" : null;

    private JsonElement? FirstError =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            ? errors[0]
            : null;

    /// <summary><c>data.{field}</c> when present.</summary>
    public JsonElement? Data(string field) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;
}

/// <summary>Posts GraphQL requests to one server; never throws for HTTP or network failures (they come back in the answer).</summary>
public sealed class ApiClient(Uri baseAddress, TimeSpan timeout) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = timeout };

    public async Task<ApiAnswer> PostAsync(string query, object? variables, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        return await SendAsync(request, token, cancellationToken);
    }

    /// <summary>Sends a prepared request (any body, method or content type) and times it.</summary>
    public async Task<ApiAnswer> SendAsync(HttpRequestMessage request, string? token, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement? body = null;
            try
            {
                body = text.Length > 0 ? JsonSerializer.Deserialize<JsonElement>(text) : null;
            }
            catch (JsonException)
            {
            }

            return new ApiAnswer((int)response.StatusCode, body, null, clock.Elapsed);
        }
        catch (HttpRequestException e)
        {
            return new ApiAnswer(0, null, e.Message, clock.Elapsed);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new ApiAnswer(0, null, "timeout: " + e.Message, clock.Elapsed);
        }
    }

    /// <summary>Signs in and returns the token; throws when refused.</summary>
    public async Task<string> LoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await PostAsync("mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token errors { code } } }",
                new { u = userName, p = password }, null, cancellationToken);
            if (answer.Data("login")?.GetProperty("token") is { ValueKind: JsonValueKind.String } token)
            {
                return token.GetString()!;
            }

            if (attempt >= 10)
            {
                throw new InvalidOperationException($"{userName} could not sign in: {answer.Body}");
            }

            await Task.Delay(500 * attempt, cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();
}
