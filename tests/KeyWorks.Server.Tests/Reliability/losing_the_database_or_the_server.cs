using KeyWorks.Server.Soak;
using Npgsql;

namespace KeyWorks.Server.Tests.Reliability;

[Collection(ReliabilityRuns.Name)]
public sealed class losing_the_database_or_the_server
{
    private const string RaiseProblem = "mutation($input: RaiseProblemInput!) { raiseProblem(input: $input) { problem { id } errors { code } } }";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task with_postgres_down_a_report_a_login_and_an_as_of_read_are_refused_as_retriable_and_once_it_is_back_the_same_key_is_recorded_once()
    {
        await using var server = await SoakServer.StartAsync(ReliabilityRuns.Folder(), 1, durable: false, Cancellation);
        using var api = new ApiClient(server.BaseAddress, TimeSpan.FromSeconds(30));
        var contractor = server.Contractors[0];
        var token = await api.LoginAsync(contractor.UserName, contractor.Password, Cancellation);
        var variables = new { input = new { idempotencyKey = "down-1", projectId = contractor.ProjectId, category = "FUNDING", description = "数据库停机时提交" } };

        await server.StopPostgresAsync(Cancellation);
        var refused = await api.PostAsync(RaiseProblem, variables, token, Cancellation);
        Assert.Equal("DATABASE_UNAVAILABLE", refused.ErrorCode);
        Assert.True(refused.Retriable, refused.Body.ToString());
        Assert.True(refused.Status < 500, $"HTTP {refused.Status}");
        var login = await api.PostAsync("mutation { login(input: {username: \"office-zhou\", password: \"office-demo\"}) { token } }", null, null, Cancellation);
        Assert.Equal("DATABASE_UNAVAILABLE", login.ErrorCode);
        Assert.True(login.Retriable, login.Body.ToString());
        var asOf = await api.PostAsync("{ overview(asOf: \"2026-05-01T00:00:00+08:00\") { projectCount } }", null, token, Cancellation);
        Assert.Equal("DATABASE_UNAVAILABLE", asOf.ErrorCode);
        Assert.True(asOf.Retriable, asOf.Body.ToString());

        await server.StartPostgresAsync(Cancellation);
        ApiAnswer accepted;
        var attempts = 0;
        do
        {
            accepted = await api.PostAsync(RaiseProblem, variables, token, Cancellation);
            Assert.True(accepted.Data("raiseProblem") is not null || accepted.Retriable, accepted.Body.ToString());
        }
        while (accepted.Data("raiseProblem") is null && ++attempts < 50 && await Delay());

        var id = accepted.Data("raiseProblem")?.GetProperty("problem").GetProperty("id").GetString();
        Assert.NotNull(id);
        var again = await api.PostAsync(RaiseProblem, variables, token, Cancellation);
        Assert.Equal(id, again.Data("raiseProblem")?.GetProperty("problem").GetProperty("id").GetString());
        Assert.Equal(1, await StoredAsync(server, $"api:{contractor.UserName}:down-1"));

        static async Task<bool> Delay()
        {
            await Task.Delay(200, Cancellation);
            return true;
        }
    }

    [Fact]
    public async Task postgres_restarted_and_the_server_killed_mid_load_lose_nothing_acknowledged_and_the_read_model_equals_a_rebuild()
    {
        await using var server = await SoakServer.StartAsync(ReliabilityRuns.Folder(), 10, durable: false, Cancellation);

        var result = await FaultRun.RunAsync(server, new LoadOptions(10, 12, 2, TimeSpan.FromSeconds(12)), Cancellation);

        var printed = new StringWriter();
        result.Print(printed);
        TestContext.Current.SendDiagnosticMessage(printed.ToString());
        Assert.True(result.Check.Passed, printed.ToString());
        Assert.Null(result.ModelDifference);
        Assert.Empty(result.UnexpectedFailures);
        Assert.True(result.Load.Failures.Count > 0, "the faults were felt by the clients: " + printed);
        Assert.DoesNotContain("INTERNAL_SERVER_ERROR", result.Load.Failures.Keys);
    }

    internal static async Task<long> StoredAsync(SoakServer server, string key)
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM keyworks.events WHERE idempotency_key = $1");
        command.Parameters.AddWithValue(key);
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }
}
