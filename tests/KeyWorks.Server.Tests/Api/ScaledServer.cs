using KeyWorks.Testing;
using Npgsql;

namespace KeyWorks.Server.Tests.Api;

/// <summary>
/// A server process with the demo grown to <see cref="Projects"/> projects (<c>KeyWorks:Demo:Projects</c>), on a database
/// whose every statement PostgreSQL writes to the cluster's log (<c>log_statement = all</c> for this database only), so a
/// test can count the statements a request runs.
/// </summary>
public sealed class ScaledServer(PostgresClusterFixture cluster) : DemoServer(cluster)
{
    public const int Projects = 500;

    private readonly string _logFile = Path.Combine(cluster.Folder, "postgres.log");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["KeyWorks__Demo__Projects"] = Projects.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // No job scheduler on this node: its check-ins would land in the statement log between a request's own statements.
        ["KeyWorks__Bulletins__Enabled"] = "false",
    };

    protected override TimeSpan LoadTimeout => TimeSpan.FromMinutes(8);

    protected override async Task PrepareDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // Per database: every new session on it logs each statement it runs (without parameter values); other databases
        // in the shared cluster are untouched, so every statement line in the log is this server's.
        await using var command = new NpgsqlCommand(
            $"ALTER DATABASE \"{database}\" SET log_statement = 'all'; ALTER DATABASE \"{database}\" SET log_parameter_max_length = 0", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs <paramref name="request"/> and returns its result with the statements the server ran meanwhile.</summary>
    public async Task<(T Result, IReadOnlyList<string> Statements)> CountStatementsAsync<T>(Func<Task<T>> request)
    {
        var before = new FileInfo(_logFile).Length;
        var result = await request();
        // A statement is logged when it starts, so everything the request ran is in the log once it has answered.
        await using var log = new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        log.Seek(before, SeekOrigin.Begin);
        using var reader = new StreamReader(log);
        var statements = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Contains("LOG:  statement: ", StringComparison.Ordinal) || line.Contains("LOG:  execute ", StringComparison.Ordinal))
            {
                statements.Add(line);
            }
        }

        return (result, statements);
    }
}
