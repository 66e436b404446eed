using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace KeyWorks.EventStore.LocalCluster;

/// <summary>
/// A private PostgreSQL cluster in a folder of our own: created with initdb on first use, started on a free
/// loopback port, reused on later starts, adopted when a previous owner died and left it running, and
/// recovered when a crash left a stale <c>postmaster.pid</c> behind.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "keyworks";

    private readonly LocalClusterOptions _options;
    private readonly PostgresBinaries _binaries;
    private readonly string _password;
    private FileStream? _ownership;
    private bool _stopped;

    private LocalPostgresCluster(LocalClusterOptions options, PostgresBinaries binaries, string password, int port, bool adopted, FileStream ownership)
    {
        _options = options;
        _binaries = binaries;
        _password = password;
        _ownership = ownership;
        Port = port;
        Adopted = adopted;
    }

    /// <summary>The loopback port the cluster listens on.</summary>
    public int Port { get; }

    /// <summary>True when the cluster was already running (its previous owner died) and this instance took it over.</summary>
    public bool Adopted { get; }

    public string DataDirectory => _options.DataDirectory;

    /// <summary>The connection string of the database named in the options.</summary>
    public string ConnectionString => ConnectionStringFor(_options.Database);

    private string PgData => Path.Combine(_options.DataDirectory, "pgdata");

    private string SocketDirectory => Path.Combine(_options.DataDirectory, "socket");

    private string PasswordFile => Path.Combine(_options.DataDirectory, "password");

    private string LogFile => Path.Combine(_options.DataDirectory, "postgres.log");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = _password,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates (when missing) and starts the cluster, and creates the database; returns once it accepts connections.</summary>
    public static async Task<LocalPostgresCluster> StartAsync(LocalClusterOptions options, CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Find(options.BinDirectory);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        options = options with { DataDirectory = dataDirectory };

        if (OperatingSystem.IsWindows())
        {
            throw new LocalClusterException("the private PostgreSQL cluster runs on Linux; on Windows set ConnectionStrings:KeyWorks to a PostgreSQL server");
        }

        Directory.CreateDirectory(dataDirectory);
        // The postgres user must be able to enter the folder even when it was made private (a temp folder).
        File.SetUnixFileMode(dataDirectory, (UnixFileMode)0b111_101_101);
        var ownership = TakeOwnership(dataDirectory);
        try
        {
            var password = await EnsureInitialisedAsync(options, binaries, cancellationToken);
            var running = RunningPostmaster.Read(Path.Combine(dataDirectory, "pgdata"));
            if (running is { IsOurs: true })
            {
                // We hold the ownership lock, so whoever started this postmaster is gone: take it over.
                var adopted = new LocalPostgresCluster(options, binaries, password, running.Port, adopted: true, ownership);
                if (await adopted.AcceptsConnectionsAsync(cancellationToken))
                {
                    await adopted.EnsureDatabaseAsync(options.Database, cancellationToken);
                    return adopted;
                }

                // Alive but not answering (still shutting down or wedged): stop it and start afresh.
                await adopted.StopPostmasterAsync(cancellationToken);
            }
            else if (running is not null)
            {
                // Left behind by a crash: the pid is dead, or now belongs to some other program.
                RunningPostmaster.RemoveStaleLock(Path.Combine(dataDirectory, "pgdata"), Path.Combine(dataDirectory, "socket"), running.Port);
            }

            var cluster = await StartNewPostmasterAsync(options, binaries, password, ownership, cancellationToken);
            await cluster.EnsureDatabaseAsync(options.Database, cancellationToken);
            return cluster;
        }
        catch
        {
            await ownership.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// An exclusive lock on <c>owner.lock</c> for as long as this instance owns the cluster. The kernel drops it when
    /// the owner dies, however it dies, so a live lock means a live owner and a running cluster is not ours to take.
    /// </summary>
    private static FileStream TakeOwnership(string dataDirectory)
    {
        var lockFile = Path.Combine(dataDirectory, "owner.lock");
        // The pid goes beside the lock: a locked file cannot be read by the one who is refused.
        var pidFile = Path.Combine(dataDirectory, "owner.pid");
        try
        {
            var stream = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            return stream;
        }
        catch (IOException)
        {
            var owner = TryRead(pidFile);
            throw new LocalClusterException($"the data folder {dataDirectory} is in use by another KeyWorks process{(owner is null ? "" : $" (pid {owner})")}; stop it first or use another data folder");
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? text : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Gives up ownership without stopping the cluster, as a process that dies does (for tests of take-over).</summary>
    internal void Abandon()
    {
        _ownership?.Dispose();
        _ownership = null;
        _stopped = true;
    }

    private static async Task<string> EnsureInitialisedAsync(LocalClusterOptions options, PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        var pgData = Path.Combine(options.DataDirectory, "pgdata");
        var passwordFile = Path.Combine(options.DataDirectory, "password");
        var socketDirectory = Path.Combine(options.DataDirectory, "socket");
        if (File.Exists(Path.Combine(pgData, "PG_VERSION")))
        {
            if (!File.Exists(passwordFile))
            {
                throw new LocalClusterException($"the cluster in {pgData} has no password file {passwordFile}; remove {options.DataDirectory} to start afresh");
            }

            return (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
        }

        // A half-made cluster from an interrupted initdb is useless: start over.
        if (Directory.Exists(pgData))
        {
            Directory.Delete(pgData, recursive: true);
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Directory.CreateDirectory(pgData);
        Directory.CreateDirectory(socketDirectory);
        await binaries.GiveToServiceUserAsync(options.DataDirectory, cancellationToken);

        List<string> arguments =
        [
            "-D", pgData, "-U", SuperUser, $"--pwfile={passwordFile}",
            "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
            "--encoding=UTF8", "--locale=C.UTF-8",
        ];
        if (!options.Durable)
        {
            arguments.Add("--no-sync");
        }

        var result = await binaries.RunAsync("initdb", arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new LocalClusterException($"initdb failed in {pgData}: {result.LastLine}");
        }

        var settings = new List<string>
        {
            "",
            "# KeyWorks private cluster",
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{socketDirectory}'",
            $"max_connections = {options.MaxConnections}",
            "shared_buffers = 128MB",
            "log_min_messages = warning",
            "timezone = 'UTC'",
        };
        if (!options.Durable)
        {
            settings.Add("fsync = off");
            settings.Add("full_page_writes = off");
        }

        await File.AppendAllLinesAsync(Path.Combine(pgData, "postgresql.conf"), settings, cancellationToken);
        return password;
    }

    private static async Task<LocalPostgresCluster> StartNewPostmasterAsync(
        LocalClusterOptions options, PostgresBinaries binaries, string password, FileStream ownership, CancellationToken cancellationToken)
    {
        // Two clusters starting at once may be handed the same free port; the loser retries on another.
        const int attempts = 5;
        var preferred = options.PreferredPort;
        for (var attempt = 1; ; attempt++)
        {
            var port = preferred is { } p && IsPortFree(p) ? p : FreePort();
            preferred = null;
            var cluster = new LocalPostgresCluster(options, binaries, password, port, adopted: false, ownership);
            var result = await binaries.RunAsync("pg_ctl",
            [
                "-D", cluster.PgData, "-l", cluster.LogFile, "-w",
                "-t", ((int)options.StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                "-o", $"-p {port}", "start",
            ], cancellationToken);
            if (result.ExitCode == 0)
            {
                return cluster;
            }

            var log = cluster.ReadLogTail();
            if (attempt < attempts && log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            throw new LocalClusterException($"PostgreSQL did not start in {cluster.PgData}: {LastErrorLine(log) ?? result.LastLine}");
        }
    }

    private static string? LastErrorLine(string log) =>
        log.Split('\n').LastOrDefault(l => l.Contains("FATAL", StringComparison.Ordinal) || l.Contains("ERROR", StringComparison.Ordinal))?.Trim();

    private string ReadLogTail()
    {
        try
        {
            var text = File.ReadAllText(LogFile);
            return text.Length > 4000 ? text[^4000..] : text;
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Timeout=5");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>Creates <paramref name="database"/> unless it exists.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by someone else in the meantime: fine.
        }
    }

    /// <summary>Drops <paramref name="database"/> if it exists, closing its connections.</summary>
    public async Task DropDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stops the cluster (fast shutdown: open sessions are ended, committed work is kept) and gives up ownership.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped)
        {
            return;
        }

        await StopPostmasterAsync(cancellationToken);
        _stopped = true;
        if (_ownership is not null)
        {
            await _ownership.DisposeAsync();
            _ownership = null;
        }
    }

    /// <summary>
    /// Restarts the postmaster (<c>pg_ctl restart</c>, fast shutdown, same options): every open connection is dropped, as
    /// when an operator restarts the database; used to show that clients reconnect.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        var result = await _binaries.RunAsync("pg_ctl", ["-D", PgData, "-m", "fast", "-w", "-t", "60", "restart"], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new LocalClusterException($"PostgreSQL in {PgData} did not restart: {result.LastLine}");
        }
    }

    private async Task StopPostmasterAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        var result = await _binaries.RunAsync("pg_ctl", ["-D", PgData, "-m", "fast", "-w", "-t", "60", "stop"], cancellationToken);
        if (result.ExitCode != 0 && File.Exists(Path.Combine(PgData, "postmaster.pid")))
        {
            throw new LocalClusterException($"PostgreSQL in {PgData} did not stop: {result.LastLine}");
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
