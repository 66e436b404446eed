using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Projections;
using Npgsql;

namespace KeyWorks.EventStore;

public sealed partial class PostgresEventStore
{
    /// <summary>The last position an async projection has applied (0 before any).</summary>
    public async Task<long> GetProjectionPositionAsync(string projectionName, CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand($"SELECT position FROM {Schema}.projection_checkpoints WHERE name = $1");
        command.Parameters.AddWithValue(projectionName);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    /// <summary>Waits until an async projection has applied <paramref name="position"/>; false on timeout.</summary>
    public async Task<bool> WaitForProjectionAsync(string projectionName, long position, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await GetProjectionPositionAsync(projectionName, cancellationToken) < position)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Rebuilds a projection from the first event without disturbing readers: it builds into an aside schema, then in one
    /// short transaction catches up the last events, drops the live schema and renames the aside one into its place.
    /// Readers see the old tables until that commit and the new ones after. While the swap runs, appends wait (inline
    /// projection) or the daemon waits (async). Returns the position the rebuilt projection is at.
    /// </summary>
    public async Task<long> RebuildProjectionAsync(string projectionName, CancellationToken cancellationToken = default)
    {
        var (projection, lifecycle) = Options.Projections.Get(projectionName);
        var live = ProjectionSchema(projection.Name);
        var aside = live + "_rebuild";
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock(hashtext('keyworks.eventstore.rebuild.{aside}'))", cancellationToken);
        try
        {
            await CreateFreshSchemaAsync(connection, projection, aside, cancellationToken);
            var position = await ReplayAsync(connection, null, projection, aside, 0, await GetHeadPositionAsync(cancellationToken), cancellationToken);

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Inline: lock the counter so no append commits during the swap. Async: lock the checkpoint so the daemon's
            // next batch waits, then reads the rebuilt checkpoint.
            if (lifecycle == ProjectionLifecycle.Async)
            {
                await using var lockCheckpoint = new NpgsqlCommand(
                    $"SELECT position FROM {Schema}.projection_checkpoints WHERE name = $1 FOR UPDATE", connection, transaction);
                lockCheckpoint.Parameters.AddWithValue(projection.Name);
                await lockCheckpoint.ExecuteNonQueryAsync(cancellationToken);
            }

            var lockCounter = lifecycle == ProjectionLifecycle.Inline ? " FOR UPDATE" : "";
            long head;
            await using (var headCommand = new NpgsqlCommand($"SELECT last_position FROM {Schema}.event_counter WHERE id = 1{lockCounter}", connection, transaction))
            {
                head = (long)(await headCommand.ExecuteScalarAsync(cancellationToken))!;
            }

            position = await ReplayAsync(connection, transaction, projection, aside, position, head, cancellationToken);
            await ExecuteAsync(connection, transaction, $"DROP SCHEMA IF EXISTS {live} CASCADE; ALTER SCHEMA {aside} RENAME TO {live}", cancellationToken);
            await using (var checkpoint = new NpgsqlCommand(
                $"""
                INSERT INTO {Schema}.projection_checkpoints (name, position) VALUES ($1, $2)
                ON CONFLICT (name) DO UPDATE SET position = $2, updated_at = now()
                """, connection, transaction))
            {
                checkpoint.Parameters.AddWithValue(projection.Name);
                checkpoint.Parameters.AddWithValue(position);
                await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return position;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock(hashtext('keyworks.eventstore.rebuild.{aside}'))", CancellationToken.None);
        }
    }

    /// <summary>
    /// Builds a projection as it stood at a recorded time into <paramref name="targetSchema"/> (replaced if it exists),
    /// by replaying only the events recorded at or before <paramref name="asOf"/>: the base of reproducible reports.
    /// Returns the last position replayed. The caller owns and drops the schema.
    /// </summary>
    public async Task<long> BuildProjectionAsOfAsync(string projectionName, string targetSchema, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        KeyWorks.EventStore.Schema.SchemaMigrator.Validate(targetSchema);
        var (projection, _) = Options.Projections.Get(projectionName);
        var upTo = await GetPositionAsOfAsync(asOf, cancellationToken);
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await CreateFreshSchemaAsync(connection, projection, targetSchema, cancellationToken);
        return await ReplayAsync(connection, null, projection, targetSchema, 0, upTo, cancellationToken);
    }

    private static async Task CreateFreshSchemaAsync(NpgsqlConnection connection, IProjection projection, string schema, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}", cancellationToken);
        await projection.CreateStorageAsync(new ProjectionContext(connection, null, schema, cancellationToken));
    }

    /// <summary>Applies events after <paramref name="from"/> up to <paramref name="to"/> in pages; each page in its own transaction unless one is given.</summary>
    private async Task<long> ReplayAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IProjection projection, string schema, long from, long to, CancellationToken cancellationToken)
    {
        var position = from;
        while (position < to)
        {
            await using var command = Reader.Command(new EventQuery { AfterPosition = position, ToPosition = to, Limit = Options.ReadPageSize }, connection);
            command.Transaction = transaction;
            var events = await Reader.ReadListAsync(command, cancellationToken);
            if (events.Count == 0)
            {
                break;
            }

            var own = transaction is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
            await projection.ApplyAsync(new ProjectionContext(connection, transaction ?? own, schema, cancellationToken), events);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
                await own.DisposeAsync();
            }

            position = events[^1].Position;
        }

        return position;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
