using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.Storing;
using KeyWorks.EventStore;
using KeyWorks.EventStore.Events;
using KeyWorks.Testing;
using Npgsql;
using static KeyWorks.Domain.Tests.Fixtures;

namespace KeyWorks.Domain.Tests.Storing;

public sealed class running_commands_against_the_store(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int _schemas;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(database.ConnectionString);

    private static PlanNode PlanStart => new(Project, StandardNodes.Start, "开工建设", 30, new DateOnly(2026, 7, 1), "区住建局");

    private static NodePlanned StartPlanned => new(Project, StandardNodes.Start, "开工建设", 30, new DateOnly(2026, 7, 1), "区住建局");

    private static NodePlanned LandPlanned => new(Project, StandardNodes.Land, "征迁交地", 20, new DateOnly(2026, 6, 20), "区住建局");

    /// <summary>A store in a schema of its own with the programme and the road project registered.</summary>
    private async Task<(PostgresEventStore Store, KeyWorksCommands Commands)> GivenAsync(TimeProvider? clock = null)
    {
        var store = await PostgresEventStore.CreateAsync(_dataSource, KeyWorksEventTypes.Options($"cmd_{Interlocked.Increment(ref _schemas)}"), Ct);
        var setup = new KeyWorksCommands(store, new ManualClock(Now));
        await setup.ExecuteAsync(new RegisterProgramme(Programme, "高新区2026年“三十工程”", 2026, "示范高新区"), Office, null, Ct);
        await setup.ExecuteAsync(new RegisterProject(Project, Programme, RoadDetails), Office, null, Ct);
        return (store, new KeyWorksCommands(store, clock ?? new ManualClock(Now)));
    }

    [Fact]
    public async Task a_command_appends_its_events_with_the_actor_as_user_and_its_business_date()
    {
        var (store, commands) = await GivenAsync();
        var result = await commands.ExecuteAsync(PlanStart, Office, null, Ct);

        var stored = Assert.Single(await store.QueryEventsAsync(new EventQuery { Types = ["node-planned"] }, Ct));
        Assert.Equal((Project, 2L, Office.UserId, BusinessCalendar.DateOf(Now)), (stored.StreamId, stored.Version, stored.User, stored.BusinessDate));
        Assert.Equal(StartPlanned, Assert.Single(result.Events).Event);
        Assert.False(result.Duplicate);
    }

    [Fact]
    public async Task a_repeat_with_the_same_idempotency_key_returns_the_first_result_and_appends_nothing()
    {
        var (store, commands) = await GivenAsync();
        var first = await commands.ExecuteAsync(PlanStart, Office, "req-1", Ct);
        var head = await store.GetHeadPositionAsync(Ct);

        var repeat = await commands.ExecuteAsync(PlanStart, Office, "req-1", Ct);

        Assert.True(repeat.Duplicate);
        Assert.Equal(first.Events, repeat.Events);
        Assert.Equal(head, await store.GetHeadPositionAsync(Ct));
    }

    [Fact]
    public async Task a_rejected_command_appends_nothing()
    {
        var (store, commands) = await GivenAsync();
        await commands.ExecuteAsync(PlanStart, Office, null, Ct);
        var head = await store.GetHeadPositionAsync(Ct);

        var again = await Assert.ThrowsAsync<DomainException>(() => commands.ExecuteAsync(PlanStart, Office, "req-2", Ct));
        var auditor = await Assert.ThrowsAsync<DomainException>(() => commands.ExecuteAsync(
            PlanStart with { NodeId = StandardNodes.Land, Sequence = 20 }, Auditor, null, Ct));

        Assert.Equal((ErrorCodes.NodeAlreadyPlanned, ErrorCodes.Forbidden), (again.Error.Code, auditor.Error.Code));
        Assert.Equal(head, await store.GetHeadPositionAsync(Ct));
    }

    [Fact]
    public async Task a_command_that_lost_a_race_is_decided_again_on_the_new_state_and_appended_after_it()
    {
        var clock = new InterferingClock(Now);
        var (store, commands) = await GivenAsync(clock);
        clock.Interfere(1, () => AppendBehindTheBackAsync(store, LandPlanned));

        var result = await commands.ExecuteAsync(PlanStart, Office, null, Ct);

        var stream = await store.ReadStreamAsync(Project, cancellationToken: Ct);
        Assert.Equal([LandPlanned, StartPlanned], stream.Skip(1).Select(e => e.Data));
        Assert.Equal(stream[^1].Position, Assert.Single(result.Events).Position);
        Assert.Equal(2, clock.Calls);
    }

    [Fact]
    public async Task a_command_that_lost_a_race_is_rejected_when_the_new_state_forbids_it()
    {
        var clock = new InterferingClock(Now);
        var (store, commands) = await GivenAsync(clock);
        clock.Interfere(1, () => AppendBehindTheBackAsync(store, StartPlanned));

        var rejected = await Assert.ThrowsAsync<DomainException>(() => commands.ExecuteAsync(PlanStart, Office, null, Ct));

        Assert.Equal(ErrorCodes.NodeAlreadyPlanned, rejected.Error.Code);
        Assert.Equal(2, (await store.GetStreamStateAsync(Project, Ct))!.Version);
    }

    [Fact]
    public async Task a_command_that_keeps_losing_gives_up_with_version_conflict_after_its_attempts()
    {
        var clock = new InterferingClock(Now);
        var (store, commands) = await GivenAsync(clock);
        var node = 0;
        clock.Interfere(int.MaxValue, () => AppendBehindTheBackAsync(store,
            new NodePlanned(Project, $"custom-{++node}", "其他节点", 100 + node, new DateOnly(2026, 8, 1), "区住建局")));

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() => commands.ExecuteAsync(PlanStart, Office, null, Ct));

        Assert.Equal("VERSION_CONFLICT", conflict.Code);
        Assert.Equal(commands.MaxAttempts, clock.Calls);
        var stored = await store.ReadStreamAsync(Project, cancellationToken: Ct);
        Assert.DoesNotContain(stored, e => Equals(e.Data, StartPlanned));
    }

    [Fact]
    public async Task commands_racing_on_one_project_all_land_when_there_are_no_more_of_them_than_attempts()
    {
        var (store, commands) = await GivenAsync();
        var nodes = Enumerable.Range(1, commands.MaxAttempts)
            .Select(i => new PlanNode(Project, $"custom-{i}", $"节点{i}", 100 + i, new DateOnly(2026, 8, i), "区住建局")).ToList();

        // Each conflict means another of them landed, so none can lose more often than there are others.
        var results = await Task.WhenAll(nodes.Select(n => Task.Run(() => commands.ExecuteAsync(n, Office, null, Ct), Ct)));

        var stream = await store.ReadStreamAsync(Project, cancellationToken: Ct);
        Assert.Equal(1 + nodes.Count, stream.Count);
        Assert.Equal(nodes.Select(n => n.NodeId).Order(),
            stream.Skip(1).Select(e => ((NodePlanned)e.Data).NodeId).Order());
        Assert.All(results, r => Assert.Single(r.Events));
    }

    private static async Task AppendBehindTheBackAsync(PostgresEventStore store, IDomainEvent @event)
    {
        await using var session = store.OpenSession(new("someone-else"));
        session.Append(Project, @event);
        await session.SaveChangesAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    /// <summary>A clock through which another writer slips an append in after the command service read the stream.</summary>
    private sealed class InterferingClock(DateTimeOffset now) : TimeProvider
    {
        private Func<Task>? _interference;
        private int _remaining;

        public int Calls { get; private set; }

        public void Interfere(int times, Func<Task> interference) => (_remaining, _interference) = (times, interference);

        public override DateTimeOffset GetUtcNow()
        {
            Calls++;
            if (_interference is not null && _remaining-- > 0)
            {
                Task.Run(_interference).GetAwaiter().GetResult();
            }

            return now;
        }
    }
}
