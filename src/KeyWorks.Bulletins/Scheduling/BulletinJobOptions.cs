namespace KeyWorks.Bulletins.Scheduling;

/// <summary>The bulletin jobs' settings (<c>KeyWorks:Bulletins</c>).</summary>
public sealed record BulletinJobOptions
{
    /// <summary>
    /// When the monthly draft runs, as a Quartz cron expression (seconds first). Default: 08:00 on the 1st, the first
    /// morning after the previous month's cutoff (its last day, 24:00); it drafts that month.
    /// </summary>
    public string Cron { get; init; } = "0 0 8 1 * ?";

    /// <summary>The time zone the cron expression is read in.</summary>
    public string TimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>Whether this node runs the monthly schedule and drafts bulletins (every node can queue them).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Attempts of a draft before it is given up.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait before the second attempt; it doubles for each further one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a node checks in with the cluster; a node silent for longer is taken to be dead and its jobs recovered.</summary>
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How late a firing may be before it counts as missed (and is then fired once at once).</summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an idle node looks for due triggers, e.g. a draft another node queued (at least 1 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Worker threads per node; printing is CPU-heavy, so two.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>The wait before a retry after <paramref name="attempt"/> failed attempts.</summary>
    public TimeSpan RetryDelayAfter(int attempt) => RetryDelay * Math.Pow(2, Math.Max(0, attempt - 1));
}
