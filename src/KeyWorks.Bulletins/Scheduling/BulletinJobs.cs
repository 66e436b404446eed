using KeyWorks.Bulletins.Drafting;
using KeyWorks.Bulletins.Storing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace KeyWorks.Bulletins.Scheduling;

/// <summary>
/// The bulletin jobs on Quartz.NET with its ADO job store on PostgreSQL (tables created by <see cref="BulletinSchema"/>),
/// clustered, so every node shares one schedule and each firing runs on one node.
/// </summary>
public static class BulletinJobs
{
    /// <summary>The scheduler's name: every node on the database shares its triggers.</summary>
    public const string SchedulerName = "keyworks";

    public static readonly JobKey DraftJob = new("draft-bulletin", "bulletins");
    public static readonly JobKey MonthlyJob = new("monthly-bulletins", "bulletins");
    public static readonly TriggerKey MonthlyTrigger = new("monthly-bulletins", "bulletins");

    /// <summary>The job data key of the run a draft job works on.</summary>
    public const string BulletinIdKey = "bulletinId";

    /// <summary>
    /// Registers the scheduler on <paramref name="dataSource"/>'s database (started as a hosted service when <see cref="BulletinJobOptions.Enabled"/>), the jobs,
    /// the monthly trigger's upkeep and <see cref="IBulletinQueue"/>. The caller registers <see cref="BulletinDrafter"/>'s
    /// and <see cref="BulletinRequests"/>' dependencies (event store, <see cref="BulletinStore"/>, printer, clock).
    /// </summary>
    public static IServiceCollection AddBulletinJobs(this IServiceCollection services, NpgsqlDataSource dataSource, BulletinJobOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<BulletinDrafter>();
        services.AddSingleton<BulletinRequests>();
        services.AddSingleton<IBulletinQueue, QuartzBulletinQueue>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.GenerateInstanceId = true;
                s.IdleWaitTime = options.PollInterval;
            });
            q.UseDefaultThreadPool(options.Workers);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(db => db.DataSourceFactory = _ => dataSource);
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = BulletinSchema.JobTablePrefix;
                    o.MisfireThreshold = options.MisfireThreshold;
                });
                store.UseClustering(c => c.CheckinInterval = options.CheckinInterval);
                store.UseSystemTextJsonSerializer();
            });
            q.AddJob<DraftBulletinJob>(j => j.WithIdentity(DraftJob).StoreDurably().RequestRecovery());
            q.AddJob<MonthlyBulletinJob>(j => j.WithIdentity(MonthlyJob).StoreDurably().RequestRecovery());
        });
        if (options.Enabled)
        {
            // Serving first: the scheduler starts once the host has started, so /health answers as soon as before.
            services.AddQuartzHostedService(o =>
            {
                o.WaitForJobsToComplete = true;
                o.AwaitApplicationStarted = true;
            });
            services.AddHostedService<MonthlyTriggerUpkeep>();
        }

        return services;
    }
}
