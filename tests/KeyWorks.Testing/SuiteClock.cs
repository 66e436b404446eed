using System.Globalization;

namespace KeyWorks.Testing;

/// <summary>
/// The test run's "now". Tests never read the system date: they read this clock, and hand it to what they start — the
/// command service, the bulletin services, server processes (<see cref="ServerSettings"/>) and browsers. It reads
/// <see cref="Start"/> when the run starts and runs on at the system clock's pace, so timeouts and "a few seconds later"
/// behave as usual while every date a test computes or asserts is the same on any day the suite runs.
/// </summary>
/// <remarks>
/// <see cref="Start"/> is <c>KEYWORKS_TEST_CLOCK</c> (an ISO 8601 instant with its offset) when set, else
/// <see cref="DefaultStart"/>: a day after the demo's history (which ends on 21 November 2026) and after the November
/// bulletin's cutoff. Set it to run the suite at a month's or a year's turn, e.g.
/// <c>KEYWORKS_TEST_CLOCK=2027-01-01T07:59:00+08:00 bash tests/test.sh</c>.
/// </remarks>
public static class SuiteClock
{
    /// <summary>The environment variable that moves the suite's clock.</summary>
    public const string Variable = "KEYWORKS_TEST_CLOCK";

    /// <summary>China Standard Time, the business calendar's offset.</summary>
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The clock's start when <see cref="Variable"/> is not set: 4 December 2026, 10:00 China time.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 12, 4, 10, 0, 0, China);

    /// <summary>The system clock's reading when this clock read <see cref="Start"/>.</summary>
    private static readonly DateTimeOffset SystemAtStart = TimeProvider.System.GetUtcNow();

    /// <summary>The instant the clock read when the test run started.</summary>
    public static DateTimeOffset Start { get; } = FromEnvironment() ?? DefaultStart;

    /// <summary>The clock as a <see cref="TimeProvider"/>, for the services a test builds.</summary>
    public static TimeProvider Time { get; } = new RunningClock();

    /// <summary>Now, by the suite's clock.</summary>
    public static DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Today's business date (China time) by the suite's clock.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(China).DateTime);

    /// <summary>
    /// The settings that put a server process on this clock: <c>KeyWorks:Clock:Start</c> read at
    /// <c>KeyWorks:Clock:StartedAt</c>, so every server a run starts, and the run itself, keep one clock.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string>
    {
        ["KeyWorks__Clock__Start"] = Start.ToString("O", CultureInfo.InvariantCulture),
        ["KeyWorks__Clock__StartedAt"] = SystemAtStart.ToString("O", CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset? FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } text)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? start
            : throw new InvalidOperationException($"{Variable} is not an ISO 8601 instant: '{text}' (e.g. 2027-01-01T07:59:00+08:00)");
    }

    private sealed class RunningClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Start.ToUniversalTime() + (System.GetUtcNow() - SystemAtStart);
    }
}
