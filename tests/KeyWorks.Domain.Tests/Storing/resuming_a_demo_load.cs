using KeyWorks.Domain.Demo;
using KeyWorks.Domain.Storing;
using KeyWorks.Domain.Tests.Demo;
using KeyWorks.EventStore;
using KeyWorks.Testing;
using Npgsql;

namespace KeyWorks.Domain.Tests.Storing;

public sealed class resuming_a_demo_load(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_load_that_stopped_half_way_resumes_where_it_stopped_without_writing_anything_twice()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var store = await PostgresEventStore.CreateAsync(dataSource, KeyWorksEventTypes.Options(), Ct);
        var commands = new KeyWorksCommands(store, SuiteClock.Time);
        var all = DemoProgramme.Commands();
        const int done = 300;
        for (var i = 0; i < done; i++)
        {
            await commands.ImportAsync(all[i], DemoLoader.KeyOf(i), Ct);
        }

        var progress = new List<int>();
        var resumed = await DemoLoader.LoadAsync(commands, new SynchronousProgress(progress), Ct);

        Assert.Empty(resumed.Rejections);
        Assert.Equal((done, all.Count - done), (resumed.AlreadyThere, resumed.Appended));
        Assert.Equal(DemoData.Envelopes.Count, await store.GetHeadPositionAsync(Ct));
        Assert.Equal(all.Count, progress[^1]);
    }

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
