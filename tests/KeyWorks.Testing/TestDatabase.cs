using Xunit;

namespace KeyWorks.Testing;

/// <summary>
/// A database of its own for one test class: take it as <c>IClassFixture&lt;TestDatabase&gt;</c>.
/// </summary>
public sealed class TestDatabase(PostgresClusterFixture cluster) : IAsyncLifetime
{
    public PostgresClusterFixture Cluster { get; } = cluster;

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync() =>
        ConnectionString = await Cluster.CreateDatabaseAsync(TestContext.Current.TestClass?.TestClassSimpleName ?? "tests");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
