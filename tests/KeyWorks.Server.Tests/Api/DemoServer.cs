using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Api;

/// <summary>A server process on a database of its own with the demo loaded (waits for <c>/health</c> demo.state = loaded).</summary>
public class DemoServer(PostgresClusterFixture cluster) : IAsyncLifetime
{
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("not started");

    /// <summary>More settings of the server process (environment variables), e.g. a clock start.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        var connectionString = await cluster.CreateDatabaseAsync($"api_{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string>(Settings)
        {
            ["KEYWORKS_DB"] = connectionString,
            ["KeyWorks__Demo__Load"] = "true",
        };
        _server = ServerProcess.Start(settings);
        if (!await _server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), CancellationToken.None))
        {
            throw new InvalidOperationException($"the server did not become healthy:\n{_server.Output}\n{_server.Errors}");
        }

        using var client = new HttpClient { BaseAddress = _server.BaseAddress };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var health = await client.GetFromJsonAsync<JsonElement>("health");
            var state = health.GetProperty("demo").GetProperty("state").GetString();
            if (state == "loaded")
            {
                return;
            }

            if (state is not ("waiting" or "loading") || clock.Elapsed > TimeSpan.FromMinutes(4))
            {
                throw new InvalidOperationException($"demo {state}:\n{_server.Output}\n{_server.Errors}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Posts a GraphQL request, with a bearer token when given, and returns the response body.</summary>
    public async Task<JsonElement> PostAsync(string query, object? variables = null, string? token = null)
    {
        using var client = new HttpClient { BaseAddress = Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>Signs in and returns the token (fails the test when refused).</summary>
    public async Task<string> LoginAsync(string userName, string password)
    {
        var result = await PostAsync("mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token errors { code } } }",
            new { u = userName, p = password });
        var token = result.GetProperty("data").GetProperty("login").GetProperty("token");
        return token.ValueKind == JsonValueKind.String ? token.GetString()! : throw new InvalidOperationException(result.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
