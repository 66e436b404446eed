using KeyWorks.Bulletins.Printing;
using KeyWorks.Bulletins.Scheduling;
using KeyWorks.Bulletins.Storing;
using Npgsql;

namespace KeyWorks.Server.Hosting;

/// <summary>
/// The bulletins in the server: their tables and the job store's (created at start), the store of runs, one printer
/// (one Chromium) per process, the change feed for subscriptions, and the clustered jobs (settings <c>KeyWorks:Bulletins</c>).
/// </summary>
public static class KeyWorksBulletins
{
    public static Task MigrateAsync(KeyWorksDatabase database, CancellationToken cancellationToken) =>
        BulletinSchema.MigrateAsync(database.DataSource, cancellationToken);

    public static IServiceCollection AddKeyWorksBulletins(this IServiceCollection services, IConfiguration configuration, NpgsqlDataSource dataSource)
    {
        var section = configuration.GetSection("KeyWorks:Bulletins");
        var options = section.Get<BulletinJobOptions>() ?? new BulletinJobOptions();
        services.AddSingleton(new BulletinStore(dataSource));
        services.AddSingleton(new BulletinChanges(dataSource));
        services.AddHostedService<BulletinChangesService>();
        services.AddSingleton(_ =>
        {
            var printer = new PdfPrinterOptions();
            if (section["Chromium"] is { Length: > 0 } path)
            {
                printer.ExecutablePath = path;
            }

            return new PdfPrinter(printer);
        });
        services.AddBulletinJobs(dataSource, options);
        return services;
    }
}

/// <summary>Listens for bulletin changes made on any node for as long as the server runs.</summary>
public sealed class BulletinChangesService(BulletinChanges changes) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => changes.ListenAsync(stoppingToken);
}
