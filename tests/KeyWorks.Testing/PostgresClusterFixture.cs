using KeyWorks.EventStore.LocalCluster;
using Xunit;

namespace KeyWorks.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster for a whole test run, in a temporary folder that is removed afterwards.
/// Register it with <c>[assembly: AssemblyFixture(typeof(PostgresClusterFixture))]</c>.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private int _databases;

    public LocalPostgresCluster Cluster { get; private set; } = null!;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"keyworks-tests-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync()
    {
        Cluster = await LocalPostgresCluster.StartAsync(new LocalClusterOptions
        {
            DataDirectory = Folder,
            Database = "postgres",
            Durable = false,
            MaxConnections = 300,
        });
    }

    /// <summary>Creates a fresh database with a name that says whom it is for; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string owner, CancellationToken cancellationToken = default)
    {
        var name = $"{Sanitise(owner)}_{Interlocked.Increment(ref _databases)}";
        await Cluster.EnsureDatabaseAsync(name, cancellationToken);
        return Cluster.ConnectionStringFor(name);
    }

    private static string Sanitise(string owner)
    {
        var letters = owner.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        var name = new string(letters);
        return name.Length > 40 ? name[..40] : name;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Cluster is not null)
            {
                await Cluster.StopAsync();
            }
        }
        finally
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }
}
