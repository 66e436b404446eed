using System.Text.RegularExpressions;
using Npgsql;

namespace KeyWorks.EventStore.Schema;

/// <summary>
/// Creates and upgrades the store's tables. Each migration runs once, recorded in <c>schema_version</c>; all of them
/// run under a transaction-scoped advisory lock, so two processes starting at once do the work once.
/// </summary>
internal static partial class SchemaMigrator
{
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,40}$")]
    private static partial Regex SafeName();

    public static void Validate(string name)
    {
        if (!SafeName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a usable schema name: use lower case letters, digits and underscores.", nameof(name));
        }
    }

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        Validate(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock(hashtext('keyworks.eventstore.migrate.{schema}'))", cancellationToken);
        await ExecuteAsync(connection, $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_version (
                version int PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken);
        await using var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {schema}.schema_version", connection);
        var current = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
        var migrations = Migrations.All(schema);
        for (var version = current + 1; version <= migrations.Count; version++)
        {
            await ExecuteAsync(connection, migrations[version - 1], cancellationToken);
            await ExecuteAsync(connection, $"INSERT INTO {schema}.schema_version (version) VALUES ({version})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
