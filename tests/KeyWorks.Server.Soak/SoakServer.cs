using System.Net.Http.Json;
using System.Text.Json;
using KeyWorks.EventStore.LocalCluster;
using KeyWorks.Server.Auth;
using KeyWorks.Testing;
using Npgsql;

namespace KeyWorks.Server.Soak;

/// <summary>A simulated contractor's account and the project it reports on (with the nodes it may report reached).</summary>
public sealed record SoakContractor(string UserName, string Password, string ProjectId, IReadOnlyList<string> OpenNodeIds);

/// <summary>
/// A KeyWorks server process with the demo programme on a PostgreSQL cluster of its own (so the cluster can be restarted
/// without touching anyone else's), plus the accounts of the simulated contractors.
/// </summary>
/// <remarks>
/// The demo has one contractor account; the simulated contractors get accounts of their own (<c>soak-c001</c> …),
/// written into <c>keyworks.users</c> the way the server seeds its demo users, each in the contractor unit of one of the
/// demo's projects under construction (round robin), so several contractors share a project as site staff do.
/// </remarks>
public sealed class SoakServer : IAsyncDisposable
{
    public const string OfficeUser = "office-zhou";
    public const string OfficePassword = "office-demo";
    private const string ContractorPassword = "soak-contractor";

    private readonly string _folder;
    private readonly int _port;

    private SoakServer(string folder, LocalPostgresCluster cluster, string connectionString, int port)
    {
        _folder = folder;
        Cluster = cluster;
        ConnectionString = connectionString;
        _port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public LocalPostgresCluster Cluster { get; private set; }

    public string ConnectionString { get; }

    public Uri BaseAddress { get; }

    public ServerProcess Process { get; private set; } = null!;

    public IReadOnlyList<SoakContractor> Contractors { get; private set; } = [];

    /// <summary>
    /// Starts a cluster in <paramref name="folder"/> (created; removed on dispose), runs <paramref name="prepare"/> on it
    /// (e.g. to move the database elsewhere) before the server starts, then the server with the demo, and the accounts.
    /// </summary>
    public static async Task<SoakServer> StartAsync(
        string folder, int contractors, bool durable, CancellationToken cancellationToken, Func<LocalPostgresCluster, CancellationToken, Task>? prepare = null)
    {
        var cluster = await LocalPostgresCluster.StartAsync(new LocalClusterOptions
        {
            DataDirectory = Path.Combine(folder, "postgres"),
            Database = "keyworks",
            Durable = durable,
            MaxConnections = 300,
        }, cancellationToken);
        var server = new SoakServer(folder, cluster, cluster.ConnectionString, ServerProcess.FreePort());
        try
        {
            if (prepare is not null)
            {
                await prepare(cluster, cancellationToken);
            }

            await server.StartServerAsync(cancellationToken);
            await server.WaitForDemoAsync(cancellationToken);
            server.Contractors = await server.CreateContractorsAsync(contractors, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server process (again, after a kill) on the same port and waits for <c>/health</c>.</summary>
    public async Task StartServerAsync(CancellationToken cancellationToken)
    {
        Process = ServerProcess.Start(new Dictionary<string, string>
        {
            ["KEYWORKS_DB"] = ConnectionString,
            ["KeyWorks__Demo__Load"] = "true",
        }, _port);
        if (!await Process.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120), cancellationToken))
        {
            throw new InvalidOperationException($"the server did not become healthy:\n{Process.Output}\n{Process.Errors}");
        }
    }

    /// <summary>A second server process on the same database (its read model is a fresh fold of the events: a rebuild).</summary>
    public async Task<ServerProcess> StartRebuiltAsync(CancellationToken cancellationToken)
    {
        var other = ServerProcess.Start(new Dictionary<string, string> { ["KEYWORKS_DB"] = ConnectionString, ["KeyWorks__Demo__Load"] = "false" });
        if (!await other.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120), cancellationToken))
        {
            await other.DisposeAsync();
            throw new InvalidOperationException("the second server did not become healthy");
        }

        return other;
    }

    /// <summary>Kills the server process with SIGKILL and waits for it to be gone.</summary>
    public async Task KillServerAsync(CancellationToken cancellationToken)
    {
        await Process.SignalAsync("KILL", cancellationToken);
        await Process.WaitForExitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await Process.DisposeAsync();
    }

    /// <summary><c>pg_ctl restart -m fast</c>: every connection is dropped, the postmaster starts again with the same options.</summary>
    public Task RestartPostgresAsync(CancellationToken cancellationToken) => Cluster.RestartAsync(cancellationToken);

    /// <summary>Stops PostgreSQL (fast shutdown) and leaves it down until <see cref="StartPostgresAsync"/>.</summary>
    public Task StopPostgresAsync(CancellationToken cancellationToken) => Cluster.StopAsync(cancellationToken);

    /// <summary>Starts PostgreSQL again on the same folder and port after <see cref="StopPostgresAsync"/>.</summary>
    public async Task StartPostgresAsync(CancellationToken cancellationToken) =>
        Cluster = await LocalPostgresCluster.StartAsync(new LocalClusterOptions
        {
            DataDirectory = Cluster.DataDirectory,
            Database = "keyworks",
            PreferredPort = Cluster.Port,
            MaxConnections = 300,
        }, cancellationToken);

    /// <summary>The server process's resident memory in KiB (Linux <c>/proc</c>), or null when it cannot be read.</summary>
    public long? ResidentKilobytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Process.ProcessId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task WaitForDemoAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            var health = await http.GetFromJsonAsync<JsonElement>("health", cancellationToken);
            var state = health.GetProperty("demo").GetProperty("state").GetString();
            if (state is "loaded" or "skipped")
            {
                return;
            }

            if (state is not ("waiting" or "loading") || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"demo {state}:\n{Process.Output}\n{Process.Errors}");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<SoakContractor>> CreateContractorsAsync(int count, CancellationToken cancellationToken)
    {
        using var api = new ApiClient(BaseAddress, TimeSpan.FromSeconds(60));
        var token = await api.LoginAsync(OfficeUser, OfficePassword, cancellationToken);
        var answer = await api.PostAsync("{ projects(first: 100) { nodes { id status contractors { name } nodes { id actualDate reportedDate } } } }", null, token, cancellationToken);
        var projects = answer.Data("projects")?.GetProperty("nodes").EnumerateArray()
            .Where(p => p.GetProperty("status").GetString() == "UNDER_CONSTRUCTION" && p.GetProperty("contractors").GetArrayLength() > 0)
            .Select(p => (Id: p.GetProperty("id").GetString()!, Unit: p.GetProperty("contractors")[0].GetProperty("name").GetString()!,
                Nodes: p.GetProperty("nodes").EnumerateArray()
                    .Where(n => n.GetProperty("actualDate").ValueKind == JsonValueKind.Null && n.GetProperty("reportedDate").ValueKind == JsonValueKind.Null)
                    .Select(n => n.GetProperty("id").GetString()!).ToList()))
            .ToList() ?? throw new InvalidOperationException("no projects: " + answer.Body);

        // One hash for every account, with fewer iterations than users' passwords: 200 sign-ins should not cost minutes.
        var hash = new PasswordHasher(10_000).Hash(ContractorPassword);
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        var contractors = new List<SoakContractor>();
        for (var i = 0; i < count; i++)
        {
            var project = projects[i % projects.Count];
            var userName = $"soak-c{i + 1:D3}";
            await using var insert = dataSource.CreateCommand("""
                INSERT INTO keyworks.users (user_name, user_id, name, role, unit, password_hash)
                VALUES ($1, $1, $2, 'Contractor', $3, $4) ON CONFLICT DO NOTHING
                """);
            insert.Parameters.AddWithValue(userName);
            insert.Parameters.AddWithValue($"模拟施工员{i + 1:D3}");
            insert.Parameters.AddWithValue(project.Unit);
            insert.Parameters.AddWithValue(hash);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            contractors.Add(new SoakContractor(userName, ContractorPassword, project.Id, project.Nodes));
        }

        return contractors;
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        await Cluster.StopAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
