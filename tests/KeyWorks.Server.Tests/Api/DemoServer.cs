using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Api;

/// <summary>
/// A server process on a database of its own with the demo loaded (waits for <c>/health</c> demo.state = loaded), on the
/// suite's clock (<see cref="SuiteClock"/>) unless <see cref="Settings"/> start a clock of their own.
/// </summary>
public class DemoServer(PostgresClusterFixture cluster) : IAsyncLifetime
{
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("not started");

    /// <summary>The server's database (connection string), once started.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>More settings of the server process (environment variables), e.g. a clock start or a bigger programme.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Runs on the fresh database before the server starts.</summary>
    protected virtual Task PrepareDatabaseAsync(string connectionString) => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await cluster.CreateDatabaseAsync($"api_{Guid.NewGuid():N}");
        await PrepareDatabaseAsync(ConnectionString);
        // The suite's clock unless the class sets a clock of its own, so no answer depends on the day the suite runs.
        var settings = new Dictionary<string, string>(Settings.ContainsKey("KeyWorks__Clock__Start") ? Settings : SuiteClock.ServerSettings.Concat(Settings))
        {
            ["KEYWORKS_DB"] = ConnectionString,
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

            if (state is not ("waiting" or "loading") || clock.Elapsed > LoadTimeout)
            {
                throw new InvalidOperationException($"demo {state}:\n{_server.Output}\n{_server.Errors}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>How long the demo may take to load.</summary>
    protected virtual TimeSpan LoadTimeout => TimeSpan.FromMinutes(4);

    /// <summary>Posts a GraphQL request, with a bearer token when given, and returns the response body.</summary>
    public Task<JsonElement> PostAsync(string query, object? variables = null, string? token = null) =>
        Server.PostGraphQLAsync(query, variables, token, TestContext.Current.CancellationToken);

    /// <summary>Signs in and returns the token (fails the test when refused).</summary>
    public Task<string> LoginAsync(string userName, string password) =>
        Server.LoginAsync(userName, password, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
