using KeyWorks.EventStore;
using KeyWorks.Server.Api;
using KeyWorks.Server.Auth;
using KeyWorks.Server.Hosting;

// Settings and static files live beside the server's assembly, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseUrls(ServerAddress.From(builder.Configuration));
if (ServerAddress.Unavailable(builder.Configuration) is { } busy)
{
    await Console.Error.WriteLineAsync($"KeyWorks could not start: {busy}");
    return 2;
}

KeyWorksDatabase database;
try
{
    database = await KeyWorksDatabase.OpenAsync(builder.Configuration, CancellationToken.None);
}
catch (Exception e) when (e is DatabaseUnreachableException or KeyWorks.EventStore.LocalCluster.LocalClusterException)
{
    // One line an operator can act on; the stack trace helps nobody here.
    await Console.Error.WriteLineAsync($"KeyWorks could not start: {e.Message}");
    return 2;
}

await using (database)
{
    builder.Services.AddSingleton(database.DataSource);
    PostgresEventStore store;
    try
    {
        store = await KeyWorksStorage.OpenAsync(database, CancellationToken.None);
        await KeyWorksBulletins.MigrateAsync(database, CancellationToken.None);
    }
    catch (Npgsql.NpgsqlException e)
    {
        await Console.Error.WriteLineAsync($"KeyWorks could not create its tables: {e.Message}");
        return 2;
    }

    var loadDemo = KeyWorksStorage.ShouldLoadDemo(builder.Configuration, database);
    var clock = ApiClock.From(builder.Configuration);
    builder.Services.AddSingleton(clock);
    builder.Services.AddSingleton(clock.Time);
    builder.Services.AddKeyWorksStorage(store, loadDemo);
    builder.Services.AddKeyWorksApi();
    builder.Services.AddKeyWorksBulletins(builder.Configuration, database.DataSource);
    var users = new UserAccounts(database.DataSource);
    byte[] signingKey;
    try
    {
        await users.CreateTablesAsync(CancellationToken.None);
        signingKey = await users.SigningKeyAsync(builder.Configuration, CancellationToken.None);
        if (loadDemo)
        {
            await users.SeedDemoUsersAsync(new PasswordHasher(), CancellationToken.None);
        }
    }
    catch (Npgsql.NpgsqlException e)
    {
        await Console.Error.WriteLineAsync($"KeyWorks could not prepare its users: {e.Message}");
        return 2;
    }
    catch (FormatException)
    {
        await Console.Error.WriteLineAsync("KeyWorks could not start: KeyWorks:Auth:SigningKey is not base64.");
        return 2;
    }

    builder.Services.AddSingleton(users);
    builder.Services.AddSingleton(new LoginThrottle(TimeProvider.System));
    builder.Services.AddSingleton(new AccessTokens(signingKey, clock.Time, TimeSpan.FromHours(12)));
    var schema = KeyWorksApi.BuildSchema();
    var app = builder.Build();
    app.UseWebSockets();
    app.MapHealth();
    app.MapKeyWorksApi(schema);
    app.MapBulletinDownloads();
    app.MapDashboard();

    app.Lifetime.ApplicationStarted.Register(() =>
        app.Logger.LogInformation("KeyWorks is serving {Urls} on {Database}", string.Join(", ", app.Urls), database.Description));
    await app.RunAsync();
}

return 0;
