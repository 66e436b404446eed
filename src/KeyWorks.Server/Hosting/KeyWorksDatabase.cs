using KeyWorks.EventStore.LocalCluster;
using Npgsql;

namespace KeyWorks.Server.Hosting;

/// <summary>
/// The database the server works on: the one named by <c>ConnectionStrings:KeyWorks</c> (or <c>KEYWORKS_DB</c>),
/// or else a private cluster of our own in the data folder, started here and stopped when the server stops.
/// </summary>
public sealed class KeyWorksDatabase : IAsyncDisposable
{
    private readonly LocalPostgresCluster? _cluster;

    private KeyWorksDatabase(NpgsqlDataSource dataSource, LocalPostgresCluster? cluster, string description)
    {
        DataSource = dataSource;
        _cluster = cluster;
        Description = description;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Whether this is the server's own cluster in the data folder (no connection string was given).</summary>
    public bool IsPrivateCluster => _cluster is not null;

    /// <summary>Where the data lives, for the start-up line (never the password).</summary>
    public string Description { get; }

    public static async Task<KeyWorksDatabase> OpenAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var configured = configuration.GetConnectionString("KeyWorks");
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = Environment.GetEnvironmentVariable("KEYWORKS_DB");
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            var dataSource = await ConnectAsync(configured, cancellationToken);
            return new KeyWorksDatabase(dataSource, null, Describe(configured));
        }

        var folder = configuration["KeyWorks:DataDirectory"] ?? Environment.GetEnvironmentVariable("KEYWORKS_DATA") ?? ".data";
        var cluster = await LocalPostgresCluster.StartAsync(new LocalClusterOptions
        {
            DataDirectory = Path.Combine(folder, "postgres"),
            Database = "keyworks",
            PreferredPort = configuration.GetValue<int?>("KeyWorks:PostgresPort") ?? 5433,
        }, cancellationToken);
        try
        {
            var dataSource = await ConnectAsync(cluster.ConnectionString, cancellationToken);
            var how = cluster.Adopted ? "taken over after an unclean stop" : "started";
            return new KeyWorksDatabase(dataSource, cluster, $"private PostgreSQL in {cluster.DataDirectory} ({how}, port {cluster.Port})");
        }
        catch
        {
            await cluster.StopAsync(CancellationToken.None);
            throw;
        }
    }

    private static async Task<NpgsqlDataSource> ConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseUnreachableException($"the connection string is not valid: {e.Message}", e);
        }

        builder.ApplicationName ??= "KeyWorks";
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return dataSource;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            await dataSource.DisposeAsync();
            throw new DatabaseUnreachableException(
                $"cannot connect to PostgreSQL at {builder.Host ?? "localhost"}:{builder.Port} (database {builder.Database ?? "?"}, user {builder.Username ?? "?"}): {Cause(e)}", e);
        }
    }

    /// <summary>The innermost message says what actually went wrong (refused, unknown host, bad password).</summary>
    private static string Cause(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message.ReplaceLineEndings(" ").Trim();
    }

    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL at {builder.Host}:{builder.Port}, database {builder.Database}";
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_cluster is not null)
        {
            await _cluster.StopAsync(CancellationToken.None);
        }
    }
}

/// <summary>The configured database cannot be reached; the message is one line that names the host and the cause.</summary>
public sealed class DatabaseUnreachableException(string message, Exception inner) : Exception(message, inner);
