using KeyWorks.Testing;
using Npgsql;

namespace KeyWorks.EventStore.Tests;

/// <summary>Builds stores over the test class's database, each in a schema of its own.</summary>
public static class Stores
{
    private static int _schemas;

    public static string NewSchema(string prefix = "es") => $"{prefix}_{Interlocked.Increment(ref _schemas)}_{Environment.ProcessId}";

    public static NpgsqlDataSource DataSource(TestDatabase database) => NpgsqlDataSource.Create(database.ConnectionString);

    public static async Task<PostgresEventStore> CreateAsync(NpgsqlDataSource dataSource, Action<EventStoreOptions>? configure = null, string? schema = null)
    {
        var options = TestEventTypes.Register(new EventStoreOptions { Schema = schema ?? NewSchema(), PollInterval = TimeSpan.FromMilliseconds(500), LeaderRetryInterval = TimeSpan.FromMilliseconds(500) });
        configure?.Invoke(options);
        return await PostgresEventStore.CreateAsync(dataSource, options, TestContext.Current.CancellationToken);
    }

    public static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
