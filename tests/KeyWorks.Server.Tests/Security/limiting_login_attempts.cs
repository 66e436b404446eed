using System.Text.Json;
using KeyWorks.Server.Auth;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Security;

/// <summary>
/// Password guessing over HTTP against a server of its own (the address limit would lock out the other tests' sign-ins):
/// many user names from one address, and one user name, are answered <c>RATE_LIMITED</c>, with no token.
/// </summary>
public sealed class limiting_login_attempts(PostgresClusterFixture cluster) : IAsyncLifetime
{
    private const string Login = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token errors { code message } } }";

    private ServerProcess? _server;

    public async ValueTask InitializeAsync()
    {
        _server = ServerProcess.Start(new Dictionary<string, string> { ["KEYWORKS_DB"] = await cluster.CreateDatabaseAsync("login_attempts") });
        Assert.True(await _server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken), _server.Errors);
    }

    [Fact]
    public async Task guessing_one_user_name_and_then_many_names_from_one_address_is_rate_limited()
    {
        var codes = new List<string?>();
        for (var i = 0; i <= LoginThrottle.MaxFailures; i++)
        {
            codes.Add(Code(await LoginAsync("office-zhou", $"guess-{i}")));
        }

        Assert.Equal([.. Enumerable.Repeat("UNAUTHENTICATED", LoginThrottle.MaxFailures), "RATE_LIMITED"], codes);

        // The address limit (20 failures) is reached by guesses spread over user names that were never limited themselves.
        var spread = new List<string?>();
        for (var i = 0; i < 20; i++)
        {
            spread.Add(Code(await LoginAsync($"user-{i}", "guess")));
        }

        Assert.Contains("UNAUTHENTICATED", spread);
        Assert.Equal("RATE_LIMITED", spread[^1]);
        var fresh = await LoginAsync("someone-never-tried", "guess");
        Assert.Equal("RATE_LIMITED", Code(fresh));
        Assert.Equal(JsonValueKind.Null, fresh.GetProperty("token").ValueKind);
    }

    private async Task<JsonElement> LoginAsync(string user, string password)
    {
        using var client = new HttpClient { BaseAddress = _server!.BaseAddress };
        using var response = await client.PostAsync("graphql", System.Net.Http.Json.JsonContent.Create(new { query = Login, variables = new { u = user, p = password } }), TestContext.Current.CancellationToken);
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonElement>(response.Content, TestContext.Current.CancellationToken);
        return body.GetProperty("data").GetProperty("login");
    }

    private static string? Code(JsonElement login) => login.GetProperty("errors").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } e ? e.GetProperty("code").GetString() : null;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
