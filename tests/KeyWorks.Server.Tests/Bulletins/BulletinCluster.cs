using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KeyWorks.Bulletins.Storing;
using KeyWorks.Domain;
using KeyWorks.Domain.Storing;
using KeyWorks.EventStore;
using KeyWorks.Server.Auth;
using KeyWorks.Testing;
using Npgsql;

namespace KeyWorks.Server.Tests.Bulletins;

/// <summary>Tests that start two servers each and wait for a firing: alone, so the machine's load does not move the firing.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BulletinClusterRuns
{
    public const string Name = "two bulletin nodes on one database";
}

/// <summary>
/// Two real server processes (each its own port) on one database holding the demo programme, with the bulletin jobs on
/// (Quartz clustered, the monthly trigger at <see cref="Cron"/>), both clocks set to one instant, with fast check-ins so a
/// dead node is noticed within seconds.
/// </summary>
public sealed class BulletinCluster : IAsyncDisposable
{
    /// <summary>The monthly trigger, set here rather than taken from the default: 08:00 on the 22nd, China time.</summary>
    public const string Cron = "0 0 8 22 * ?";

    /// <summary>When <see cref="Cron"/> fires on the servers' clocks: after every demo event, so the clock may start there.</summary>
    public static readonly DateTimeOffset FireAt = new(2026, 11, 22, 8, 0, 0, BusinessCalendar.ChinaOffset);

    /// <summary>How long before the firing a test of the firing starts the clocks: room for two servers to start on a busy machine.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(25);

    private const string TemplateName = "server_bulletins_demo_template";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool _templateReady;
    private static int _copies;

    private readonly DateTimeOffset _clockStart;
    private readonly DateTimeOffset _startedAt;
    private readonly List<ServerProcess> _nodes;

    private BulletinCluster(NpgsqlDataSource dataSource, DateTimeOffset clockStart, DateTimeOffset startedAt, List<ServerProcess> nodes)
    {
        DataSource = dataSource;
        Bulletins = new BulletinStore(dataSource);
        _clockStart = clockStart;
        _startedAt = startedAt;
        _nodes = nodes;
    }

    public NpgsqlDataSource DataSource { get; }

    public BulletinStore Bulletins { get; }

    public IReadOnlyList<ServerProcess> Nodes => _nodes;

    /// <summary>The servers' clock now.</summary>
    public DateTimeOffset ClockNow => _clockStart + (DateTimeOffset.UtcNow - _startedAt);

    /// <summary>Both servers' output, for failure messages.</summary>
    public string Outputs => string.Join("\n", _nodes.Select((n, i) => $"--- node {i} (pid {n.ProcessId}):\n{n.Output}\n{n.Errors}"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Starts both servers at once, their clocks at <paramref name="clockStart"/>, on a fresh copy of the demo database
    /// and waits until each answers <c>/health</c>, both schedulers have checked in and the monthly trigger is stored.
    /// </summary>
    public static async Task<BulletinCluster> StartAsync(PostgresClusterFixture cluster, DateTimeOffset clockStart)
    {
        var connectionString = await CopyDemoAsync(cluster);
        var startedAt = DateTimeOffset.UtcNow;
        var settings = new Dictionary<string, string>
        {
            ["KEYWORKS_DB"] = connectionString,
            ["KeyWorks__Demo__Load"] = "false",
            ["KeyWorks__Clock__Start"] = clockStart.ToString("O", CultureInfo.InvariantCulture),
            ["KeyWorks__Clock__StartedAt"] = startedAt.ToString("O", CultureInfo.InvariantCulture),
            ["KeyWorks__Bulletins__Cron"] = Cron,
            ["KeyWorks__Bulletins__TimeZone"] = "Asia/Shanghai",
            ["KeyWorks__Bulletins__CheckinInterval"] = "00:00:01",
            ["KeyWorks__Bulletins__PollInterval"] = "00:00:01",
            ["KeyWorks__Bulletins__RetryDelay"] = "00:00:01",
        };
        var nodes = new List<ServerProcess> { ServerProcess.Start(settings), ServerProcess.Start(settings) };
        var started = new BulletinCluster(NpgsqlDataSource.Create(connectionString), clockStart, startedAt, nodes);
        try
        {
            foreach (var node in nodes)
            {
                if (!await node.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), Ct))
                {
                    throw new InvalidOperationException($"a server did not become healthy:\n{node.Output}\n{node.Errors}");
                }
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"both servers healthy {DateTimeOffset.UtcNow - startedAt:g} after the start");

            await started.WaitForAsync("both schedulers checked in and the monthly trigger stored", async () =>
                await started.CountAsync("SELECT count(*) FROM keyworks.qrtz_scheduler_state") == 2
                && await started.CountAsync("SELECT count(*) FROM keyworks.qrtz_cron_triggers") == 1 ? "ready" : null,
                TimeSpan.FromSeconds(30));
            TestContext.Current.TestOutputHelper?.WriteLine($"both servers ready {DateTimeOffset.UtcNow - startedAt:g} after the start");
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>The monthly trigger's next firing as stored (Quartz keeps instants as UTC ticks).</summary>
    public async Task<DateTimeOffset> NextMonthlyFiringAsync() =>
        new(await CountAsync("SELECT next_fire_time FROM keyworks.qrtz_triggers WHERE trigger_name = 'monthly-bulletins'"), TimeSpan.Zero);

    /// <summary>
    /// Nothing more can happen: the monthly trigger has moved on past <see cref="FireAt"/>, no firing is in progress on
    /// any node and no draft is scheduled.
    /// </summary>
    public async Task<bool> IsQuietAsync() =>
        await NextMonthlyFiringAsync() > FireAt
        && await CountAsync("SELECT count(*) FROM keyworks.qrtz_fired_triggers") == 0
        && await CountAsync("SELECT count(*) FROM keyworks.qrtz_triggers WHERE trigger_name <> 'monthly-bulletins'") == 0;

    public async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }

    /// <summary>Signs in as the office on a node and reads the <c>bulletins</c> field there.</summary>
    public static async Task<JsonElement> BulletinsOnAsync(ServerProcess node)
    {
        var answer = await node.PostGraphQLAsync(
            "{ bulletins(first: 10) { totalCount nodes { id status month issue attempts failure contentHash pageCount } } }", null,
            await OfficeTokenAsync(node), Ct);
        return Data(answer, "bulletins");
    }

    /// <summary>Asks a node, as the office, for a draft of the demo programme's month; the run's id.</summary>
    public static async Task<string> GenerateOnAsync(ServerProcess node, YearMonth month)
    {
        var token = await OfficeTokenAsync(node);
        var programme = Data(await node.PostGraphQLAsync("{ programmes { id } }", null, token, Ct), "programmes")[0].GetProperty("id").GetString();
        var payload = Data(await node.PostGraphQLAsync(
            "mutation($input: GenerateBulletinInput!) { generateBulletin(input: $input) { bulletin { id } errors { code message } } }",
            new { input = new { idempotencyKey = Guid.NewGuid().ToString("N"), programmeId = programme, month = month.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
            token, Ct), "generateBulletin");
        return payload.GetProperty("bulletin") is { ValueKind: JsonValueKind.Object } bulletin
            ? bulletin.GetProperty("id").GetString()!
            : throw new InvalidOperationException(payload.ToString());
    }

    private static Task<string> OfficeTokenAsync(ServerProcess node)
    {
        var (office, password) = UserAccounts.DemoUsers.First(u => u.Account.Role == Role.Office);
        return node.LoginAsync(office.UserName, password, Ct);
    }

    private static JsonElement Data(JsonElement answer, string field) =>
        answer.TryGetProperty("errors", out var errors) ? throw new InvalidOperationException(errors.ToString()) : answer.GetProperty("data").GetProperty(field);

    /// <summary>Polls until the probe answers; fails naming what it waited for, with the runs and both servers' output.</summary>
    public async Task<T> WaitForAsync<T>(string what, Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50, Ct);
        }

        var runs = await Bulletins.ListAsync(null, 0, 10, Ct);
        throw new TimeoutException(
            $"Not {what} after {timeout} (clock {ClockNow:O}); runs: {string.Join("; ", runs.Select(r => $"{r.Status} {r.Attempts} {r.Failure}"))}\n"
            + Outputs);
    }

    /// <summary>
    /// A database with the demo programme, the bulletin and job tables and the demo users, as a server leaves it: copied
    /// from a template loaded once per test run, so both servers start at once without creating tables side by side.
    /// </summary>
    private static async Task<string> CopyDemoAsync(PostgresClusterFixture cluster)
    {
        var watch = Stopwatch.StartNew();
        await EnsureTemplateAsync(cluster);
        TestContext.Current.TestOutputHelper?.WriteLine($"template ready in {watch.Elapsed:g}");
        var name = $"bulletin_cluster_{Interlocked.Increment(ref _copies)}";
        await using (var admin = NpgsqlDataSource.Create(cluster.Cluster.ConnectionString))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE {name} TEMPLATE {TemplateName}");
            await create.ExecuteNonQueryAsync(Ct);
        }

        return cluster.Cluster.ConnectionStringFor(name);
    }

    private static async Task EnsureTemplateAsync(PostgresClusterFixture cluster)
    {
        await TemplateLock.WaitAsync(Ct);
        try
        {
            if (_templateReady)
            {
                return;
            }

            await cluster.Cluster.EnsureDatabaseAsync(TemplateName, Ct);
            var connectionString = new NpgsqlConnectionStringBuilder(cluster.Cluster.ConnectionStringFor(TemplateName)) { Pooling = false };
            await using (var dataSource = NpgsqlDataSource.Create(connectionString.ConnectionString))
            {
                var store = await PostgresEventStore.CreateAsync(dataSource, KeyWorksEventTypes.Options(), Ct);
                // The demo's commands decided in memory and appended a day at a time, as load tests store it: recorded times
                // are exact to the day, and every bulletin cutoff is at the end of a day, so the bulletins are the demo's.
                var loaded = await ScaledProgrammeLoader.LoadAsync(store, Domain.Demo.ScaledProgramme.DemoProjectCount, null, Ct);
                Assert.Empty(loaded.Rejections);
                await BulletinSchema.MigrateAsync(dataSource, Ct);
                var users = new UserAccounts(dataSource);
                await users.CreateTablesAsync(Ct);
                await users.SeedDemoUsersAsync(new PasswordHasher(), Ct);
            }

            _templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        var children = _nodes.Where(n => !n.HasExited).SelectMany(n => ProcessTree.Descendants(n.ProcessId)).ToList();
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        // A killed server leaves its Playwright driver and Chromium behind when they do not notice by themselves.
        ProcessTree.Kill(children.Concat(KilledChildren));
        await DataSource.DisposeAsync();
    }

    /// <summary>Processes of servers killed by the test, ended on dispose if still running.</summary>
    public List<int> KilledChildren { get; } = [];
}
