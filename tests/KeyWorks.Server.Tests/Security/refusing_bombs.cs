using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace KeyWorks.Server.Tests.Security;

/// <summary>
/// Oversized and explosive requests are refused with a stable code before any work is done, and the server answers
/// normally afterwards. The client gives each request 30 s, far above the milliseconds a refusal takes, so an
/// exponential walk of a document (which would take hours) fails the test instead of passing slowly.
/// </summary>
[Collection(SecurityChecks.Name)]
public sealed class refusing_bombs(SecurityServer server)
{
    public static TheoryData<string> Bombs => [.. Requests.Keys];

    private static readonly Dictionary<string, (Func<string> Body, string Code)> Requests = new()
    {
        ["parser nesting 300 levels deep"] = (() => Query(string.Concat(Enumerable.Repeat("{ a ", 300)) + string.Concat(Enumerable.Repeat("}", 300))), "GRAPHQL_PARSE_FAILED"),
        ["selection 25 levels deep"] = (() => Query("{ __schema { types { " + string.Concat(Enumerable.Repeat("ofType { ", 22)) + "name" + new string('}', 22) + " } } }"), "MAX_DEPTH_EXCEEDED"),
        ["connections within connections"] = (() => Query("{ projects(first: 1000) { nodes { reports(first: 1000) { nodes { id } } } } }"), "MAX_COST_EXCEEDED"),
        ["4,000 aliases"] = (() => Query("{ " + string.Join(" ", Enumerable.Range(0, 4000).Select(i => $"a{i}: programmes {{ id }}")) + " }"), "GRAPHQL_PARSE_FAILED"),
        ["fragments doubling 40 times"] = (() => Query("{ ...F0 } " + string.Join(" ", Enumerable.Range(0, 40).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}")) + " fragment F40 on Query { programmes { id name } }"), "MAX_COST_EXCEEDED"),
        ["a fragment cycle"] = (() => Query("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), "GRAPHQL_VALIDATION_FAILED"),
        ["6,000 variables"] = (() => Query("query(" + string.Join(" ", Enumerable.Range(0, 6000).Select(i => $"$v{i}: Int")) + ") { __typename }"), "GRAPHQL_PARSE_FAILED"),
        ["5,000 operations"] = (() => Query(string.Join(" ", Enumerable.Range(0, 5000).Select(i => $"query Q{i} {{ __typename }}"))), "DOCUMENT_TOO_LARGE"),
        ["a 200,000-character document"] = (() => Query("{ __typename " + new string(' ', 200_000) + "}"), "DOCUMENT_TOO_LARGE"),
        ["a 10 MB body"] = (() => Query("{ __typename }" + new string(' ', 10 * 1024 * 1024)), "BAD_REQUEST"),
        ["a batch of two operations"] = (() => "[" + Query("{ __typename }") + "," + Query("{ __typename }") + "]", "BAD_REQUEST"),
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task each_bomb_is_refused_with_its_code_and_the_server_answers_afterwards(string bomb)
    {
        var (body, code) = Requests[bomb];
        using var client = new HttpClient { BaseAddress = server.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("graphql", new StringContent(body(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"{bomb}: {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms: {answer.ToString()[..Math.Min(300, answer.ToString().Length)]}");

        Assert.True(answer.TryGetProperty("errors", out var errors), answer.ToString());
        Assert.Equal(code, errors[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(answer.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, answer.ToString());
        var after = await server.PostAsync("{ __typename }");
        Assert.Equal("Query", after.GetProperty("data").GetProperty("__typename").GetString());
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    private static string Query(string document) => JsonSerializer.Serialize(new { query = document });
}
