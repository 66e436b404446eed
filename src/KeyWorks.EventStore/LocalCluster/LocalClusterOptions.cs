namespace KeyWorks.EventStore.LocalCluster;

/// <summary>Where and how a private PostgreSQL cluster lives.</summary>
public sealed record LocalClusterOptions
{
    /// <summary>
    /// The folder that holds the cluster: <c>pgdata/</c>, <c>socket/</c>, <c>password</c> and <c>postgres.log</c>.
    /// Created when missing; reused when it already holds a cluster.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>The database created (when missing) and named in <see cref="LocalPostgresCluster.ConnectionString"/>.</summary>
    public string Database { get; init; } = "keyworks";

    /// <summary>The folder with <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>; found automatically when null.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>The port tried first; a free port is chosen when it is taken or null.</summary>
    public int? PreferredPort { get; init; }

    /// <summary>
    /// False for throwaway clusters (tests): no fsync, so a test run does not wait on the disk.
    /// A crash of the machine may then lose the cluster, which a throwaway cluster does not mind.
    /// </summary>
    public bool Durable { get; init; } = true;

    /// <summary>Connections the cluster accepts.</summary>
    public int MaxConnections { get; init; } = 200;

    /// <summary>How long to wait for the cluster to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
