using System.Diagnostics;
using KeyWorks.Domain.Storing;
using KeyWorks.EventStore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KeyWorks.Server.Hosting;

/// <summary>
/// The store in the server: the domain's event store in schema <c>keyworks</c>, the command service every write goes
/// through, the in-memory read model kept current from the feed, and the demo programme loaded in the background.
/// </summary>
public static class KeyWorksStorage
{
    public static async Task<PostgresEventStore> OpenAsync(KeyWorksDatabase database, CancellationToken cancellationToken) =>
        await PostgresEventStore.CreateAsync(database.DataSource, KeyWorksEventTypes.Options(), cancellationToken);

    /// <summary>
    /// <c>KeyWorks:Demo:Load</c>; when not set, the demo is loaded on the private cluster and not on a configured database.
    /// </summary>
    public static bool ShouldLoadDemo(IConfiguration configuration, KeyWorksDatabase database) =>
        configuration.GetValue<bool?>("KeyWorks:Demo:Load") ?? database.IsPrivateCluster;

    public static IServiceCollection AddKeyWorksStorage(this IServiceCollection services, PostgresEventStore store, bool loadDemo)
    {
        services.AddSingleton(store);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new KeyWorksCommands(store, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new LiveReadModel(store));
        services.AddSingleton(new DemoLoadStatus(loadDemo ? DemoLoadState.Waiting : DemoLoadState.Off));
        services.AddHostedService<LiveReadModelService>();
        if (loadDemo)
        {
            services.AddHostedService<DemoLoadingService>();
        }

        return services;
    }
}

public enum DemoLoadState
{
    Off,
    Waiting,
    Loading,
    Loaded,
    Skipped,
    Failed,
}

/// <summary>Where the demo load stands, for <c>/health</c>.</summary>
public sealed class DemoLoadStatus(DemoLoadState state)
{
    public DemoLoadState State { get; set; } = state;

    public int Done { get; set; }

    public int Total { get; set; }
}

/// <summary>Follows the store's feed into the in-memory read model for as long as the server runs.</summary>
public sealed class LiveReadModelService(LiveReadModel model, ILogger<LiveReadModelService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await model.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "The read model stopped following the store");
        }
    }
}

/// <summary>
/// Loads the demo programme after the server is up (so <c>/health</c> answers at once on a cold start) through the same
/// command service as users' requests, resuming a load that a crash interrupted.
/// </summary>
public sealed class DemoLoadingService(
    KeyWorksCommands commands, DemoLoadStatus status, IHostApplicationLifetime lifetime, ILogger<DemoLoadingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            // Serving first: a cold start must answer /health before the load takes the CPU.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            {
                await started.Task;
            }

            status.State = DemoLoadState.Loading;
            status.Total = Domain.Demo.DemoProgramme.Commands().Count;
            var result = await DemoLoader.LoadAsync(commands, new LoggedProgress(status, logger), stoppingToken);
            status.Done = result.Skipped ? status.Total : result.Appended + result.AlreadyThere + result.Rejections.Count;
            status.State = result.Skipped ? DemoLoadState.Skipped : DemoLoadState.Loaded;
            if (result.Skipped)
            {
                logger.LogInformation("Demo programme: already in the store (or another programme is), nothing to load");
                return;
            }

            foreach (var rejection in result.Rejections)
            {
                logger.LogWarning("Demo programme: a command was rejected: {Code} {Message}", rejection.Error.Code, rejection.Error.Message);
            }

            logger.LogInformation(
                "Demo programme loaded: {Appended} commands appended, {Already} already stored, {Rejected} rejected, in {Seconds:F1} s",
                result.Appended, result.AlreadyThere, result.Rejections.Count, watch.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Demo programme: loading stopped at {Done} commands; it resumes on the next start", status.Done);
        }
        catch (Exception e)
        {
            status.State = DemoLoadState.Failed;
            logger.LogError(e, "Demo programme: loading failed");
        }
    }

    /// <summary>Reported on the loading thread, in order (unlike <see cref="Progress{T}"/>, which posts to the pool).</summary>
    private sealed class LoggedProgress(DemoLoadStatus status, ILogger logger) : IProgress<int>
    {
        public void Report(int value)
        {
            status.Done = value;
            logger.LogInformation("Demo programme: {Done} of {Total} commands loaded", value, status.Total);
        }
    }
}
