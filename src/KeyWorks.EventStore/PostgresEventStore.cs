using KeyWorks.EventStore.Projections;
using KeyWorks.EventStore.Schema;
using KeyWorks.EventStore.Sessions;
using Npgsql;

namespace KeyWorks.EventStore;

/// <summary>
/// An event store in one PostgreSQL schema: streams, a gap-free global order, projections and as-of reads.
/// Create it with <see cref="CreateAsync"/>, which creates or upgrades the schema. Thread-safe; share one per process.
/// </summary>
public sealed partial class PostgresEventStore
{
    private PostgresEventStore(NpgsqlDataSource dataSource, EventStoreOptions options)
    {
        DataSource = dataSource;
        Options = options;
        Reader = new EventReader(options);
        Appender = new Appender(this);
    }

    public NpgsqlDataSource DataSource { get; }

    public EventStoreOptions Options { get; }

    /// <summary>The schema holding the store's tables.</summary>
    public string Schema => Options.Schema;

    internal EventReader Reader { get; }

    internal Appender Appender { get; }

    /// <summary>Creates or upgrades the schema and every projection's storage, then returns the store.</summary>
    public static async Task<PostgresEventStore> CreateAsync(NpgsqlDataSource dataSource, EventStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        SchemaMigrator.Validate(options.Schema);
        await SchemaMigrator.MigrateAsync(dataSource, options.Schema, cancellationToken);
        var store = new PostgresEventStore(dataSource, options);
        await store.CreateProjectionStorageAsync(cancellationToken);
        return store;
    }

    /// <summary>The schema a projection's live tables are in: <c>{store schema}_{projection name}</c>.</summary>
    public string ProjectionSchema(string projectionName) => $"{Options.Schema}_{projectionName}";

    /// <summary>Opens a unit of work: stage appends, then <see cref="IEventSession.SaveChangesAsync"/> writes them in one transaction.</summary>
    public IEventSession OpenSession(SessionMetadata? metadata = null) => new EventSession(this, metadata ?? new SessionMetadata());

    /// <summary>A daemon that runs this store's async projections; start it once per process.</summary>
    public ProjectionDaemon CreateDaemon() => new(this);

    private async Task CreateProjectionStorageAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock(hashtext('keyworks.eventstore.migrate.{Schema}'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var projection in Options.Projections.All)
        {
            var schema = ProjectionSchema(projection.Name);
            await using (var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {schema}", connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await projection.CreateStorageAsync(new ProjectionContext(connection, transaction, schema, cancellationToken));
            await using var checkpoint = new NpgsqlCommand(
                $"INSERT INTO {Schema}.projection_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT DO NOTHING", connection, transaction);
            checkpoint.Parameters.AddWithValue(projection.Name);
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
