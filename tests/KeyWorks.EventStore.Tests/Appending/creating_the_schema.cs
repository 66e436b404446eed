using KeyWorks.Testing;

namespace KeyWorks.EventStore.Tests.Appending;

public sealed class creating_the_schema(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task stores_created_at_once_by_several_callers_migrate_once()
    {
        var schema = Stores.NewSchema();
        var sources = Enumerable.Range(0, 4).Select(_ => Stores.DataSource(database)).ToList();
        try
        {
            await Task.WhenAll(sources.Select(s => Stores.CreateAsync(s, schema: schema)));
            var again = await Stores.CreateAsync(sources[0], schema: schema);

            Assert.Equal(2, await Stores.ScalarAsync(sources[0], $"SELECT count(*) FROM {schema}.schema_version"));
            Assert.Equal(0, await again.GetHeadPositionAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task an_unsafe_schema_name_is_refused()
    {
        await using var dataSource = Stores.DataSource(database);
        await Assert.ThrowsAsync<ArgumentException>(() => Stores.CreateAsync(dataSource, schema: "x; DROP TABLE y"));
    }
}
