using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Hosting;

public sealed class server_database_configuration(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task with_KEYWORKS_DB_it_uses_that_server_and_starts_no_cluster_of_its_own()
    {
        var data = Path.Combine(Path.GetTempPath(), $"keyworks-unused-{Guid.NewGuid():N}");
        await using var server = ServerProcess.Start(new Dictionary<string, string>
        {
            ["KEYWORKS_DB"] = database.ConnectionString,
            ["KEYWORKS_DATA"] = data,
        });

        Assert.True(await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), Cancellation), server.Errors);
        Assert.Contains("PostgreSQL at 127.0.0.1", server.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data), "no private cluster is made when a connection string is given");
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Database=keyworks;Username=keyworks;Password=x", "127.0.0.1:1", "refused")]
    [InlineData("Host=no-such-host.invalid;Database=keyworks;Username=keyworks;Password=x", "no-such-host.invalid", "")]
    [InlineData("Host=127.0.0.1;Nonsense=1", "not valid", "Nonsense")]
    public async Task a_wrong_connection_string_gives_one_clear_line_naming_the_host_and_cause(string connectionString, string names, string cause)
    {
        await using var server = ServerProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__KeyWorks"] = connectionString });

        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(60), Cancellation), "the server gives up instead of hanging");
        Assert.Equal(2, server.ExitCode);
        var lines = server.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("KeyWorks could not start:", line, StringComparison.Ordinal);
        Assert.Contains(names, line, StringComparison.Ordinal);
        Assert.Contains(cause, line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at KeyWorks", server.Output + server.Errors, StringComparison.Ordinal);
    }
}
