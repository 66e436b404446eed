using KeyWorks.Domain;
using KeyWorks.GraphQL.Execution;

namespace KeyWorks.Server.Api;

/// <summary>
/// The server's clock. Normally the system clock, and the store stamps events with the database's clock. With
/// <c>KeyWorks:Clock:Start</c> set (demonstrations and tests of "as of"), the clock starts at that instant when the
/// process starts and runs on from there, and mutations record their events at it (the store's trusted import), so a
/// report "made on 3 April" is recorded on 3 April. <c>KeyWorks:Clock:StartedAt</c> (a system-clock instant, default: when
/// the process starts) says when the clock read <c>Start</c>: given the same value, several servers on one database
/// keep one clock, as a cluster's nodes with synchronised system clocks do. The bulletin jobs' scheduler runs on this
/// clock too (Quartz takes the container's <see cref="TimeProvider"/>), so a monthly trigger fires at the clock's time.
/// </summary>
public sealed class ApiClock(TimeProvider time, bool recordsAtClock)
{
    /// <summary>The clock decisions and "now" reads use.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>True when mutations record their events at <see cref="Time"/> rather than at the database's clock.</summary>
    public bool RecordsAtClock { get; } = recordsAtClock;

    /// <summary>
    /// The clock from settings: <c>KeyWorks:Clock:Start</c> (an ISO 8601 instant), read at <c>KeyWorks:Clock:StartedAt</c>
    /// (an ISO 8601 instant of the system clock, default now), or the system clock.
    /// </summary>
    public static ApiClock From(IConfiguration configuration)
    {
        if (configuration["KeyWorks:Clock:Start"] is not { Length: > 0 } start)
        {
            return new ApiClock(TimeProvider.System, false);
        }

        var startedAt = configuration["KeyWorks:Clock:StartedAt"] is { Length: > 0 } at ? Instant(at) : TimeProvider.System.GetUtcNow();
        return new ApiClock(new StartedClock(Instant(start) + (TimeProvider.System.GetUtcNow() - startedAt)), true);
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Today's business date (China time) by the server's clock.</summary>
    public DateOnly Today => BusinessCalendar.DateOf(Time.GetUtcNow());

    /// <summary>The request's server clock.</summary>
    public static ApiClock Of(FieldContext context) => context.Request.Services!.GetRequiredService<ApiClock>();

    /// <summary>Today's business date by the request's server clock.</summary>
    public static DateOnly TodayInChina(FieldContext context) => Of(context).Today;

    /// <summary>A clock that reads <c>start</c> when created and advances with the system's monotonic clock.</summary>
    private sealed class StartedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly long _origin = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(_origin);
    }
}
