using KeyWorks.Bulletins.Printing;
using KeyWorks.Bulletins.Scheduling;
using KeyWorks.Bulletins.Storing;
using KeyWorks.Bulletins.Tests.Storing;
using KeyWorks.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KeyWorks.Bulletins.Tests.Scheduling;

/// <summary>
/// One node of the job cluster as the server composes it (its own scheduler, its own service provider) on a test
/// database, started like a host starts its hosted services.
/// </summary>
internal sealed class JobNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _started = [];

    private JobNode(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public static async Task<JobNode> StartAsync(DemoDatabase db, PdfPrinter printer, BulletinJobOptions options, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IHostApplicationLifetime, StartedLifetime>();
        services.AddSingleton(db.Events);
        services.AddSingleton(new BulletinStore(db.DataSource));
        services.AddSingleton(printer);
        services.AddSingleton(clock ?? SuiteClock.Time);
        services.AddBulletinJobs(db.DataSource, options);
        var node = new JobNode(services.BuildServiceProvider());
        foreach (var hosted in node._services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
            node._started.Add(hosted);
        }

        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_started))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }

    /// <summary>A host that has started: what Quartz's hosted service waits for.</summary>
    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
