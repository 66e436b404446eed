using KeyWorks.EventStore.Events;
using KeyWorks.EventStore.Sessions;
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

            // Each of the six migrations recorded once.
            Assert.Equal(6, await Stores.ScalarAsync(sources[0], $"SELECT count(*) FROM {schema}.schema_version"));
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

    [Fact]
    public async Task events_written_under_the_first_schema_keep_their_positions_after_the_upgrade()
    {
        var ct = TestContext.Current.CancellationToken;
        var schema = Stores.NewSchema();
        await using var dataSource = Stores.DataSource(database);

        // Given a store at schema version 1 holding three events
        await Stores.ScalarAsync(dataSource, $$"""
            CREATE SCHEMA {{schema}};
            CREATE TABLE {{schema}}.schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            {{Schema.Migrations.All(schema)[0]}}
            INSERT INTO {{schema}}.schema_version (version) VALUES (1);
            SELECT count(*) FROM {{schema}}.append_events(
                ARRAY['a', 'b'], ARRAY['account', NULL], ARRAY[1, 0], ARRAY[0, 0]::bigint[], ARRAY[NULL, NULL]::text[], ARRAY[2, 1],
                ARRAY[1, 1, 2], ARRAY[1, 2, 1], ARRAY[gen_random_uuid(), gen_random_uuid(), gen_random_uuid()],
                ARRAY['account-opened', 'withdrawn', 'withdrawn'],
                ARRAY['{"Owner":"ann"}', '{"Amount":5}', '{"Amount":7}']::jsonb[], ARRAY[NULL, NULL, NULL]::date[],
                ARRAY['u', 'u'], ARRAY[NULL, NULL]::text[], ARRAY[NULL, NULL]::text[]);
            """);

        // When the store is opened by this version and appends once more
        var store = await Stores.CreateAsync(dataSource, schema: schema);
        await using (var early = store.OpenSession(new SessionMetadata(RecordedAt: new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))))
        {
            // (the head's recorded time came over with the upgrade: an import before the old events is refused)
            early.Append("b", new Deposited(1m, new DateOnly(2000, 1, 1)));
            await Assert.ThrowsAsync<RecordedTimeException>(() => early.SaveChangesAsync(ct));
        }

        await using (var session = store.OpenSession())
        {
            session.Append("a", ExpectedVersion.Exact(2), new Deposited(10m, new DateOnly(2026, 1, 5)));
            await session.SaveChangesAsync(ct);
        }

        // Then the old events are read as before and the new one follows them
        var all = new List<EventEnvelope>();
        await foreach (var e in store.ReadAllAsync(new EventQuery(), ct))
        {
            all.Add(e);
        }

        Assert.Equal([(1L, "a", 1L), (2L, "a", 2L), (3L, "b", 1L), (4L, "a", 3L)], all.Select(e => (e.Position, e.StreamId, e.Version)));
        Assert.Equal("ann", Assert.IsType<AccountOpened>(all[0].Data).Owner);
        Assert.Equal("u", all[0].User);
        Assert.Equal(4, await store.GetHeadPositionAsync(ct));
        Assert.Equal(3, (await store.ReadStreamAsync("a", cancellationToken: ct)).Count);
        Assert.Equal(3, await store.GetPositionAsOfAsync(all[2].RecordedAt, ct));
    }
}
