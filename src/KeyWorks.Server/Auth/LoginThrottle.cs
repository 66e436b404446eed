using System.Collections.Concurrent;

namespace KeyWorks.Server.Auth;

/// <summary>
/// Slows down password guessing: after <see cref="MaxFailures"/> failed logins for one user name or from one
/// address within the window, further attempts are refused (<c>RATE_LIMITED</c>) until the window has passed.
/// A success clears the user's count. Kept in memory per server node.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    private const int MaxFailuresPerAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Failures> _byKey = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string userName, string address)
    {
        var now = time.GetUtcNow();
        var byUser = Blocked(UserKey(userName), MaxFailures, now);
        var byAddress = Blocked(AddressKey(address), MaxFailuresPerAddress, now);
        return byUser is null ? byAddress : byAddress is null ? byUser : TimeSpan.FromTicks(Math.Max(byUser.Value.Ticks, byAddress.Value.Ticks));
    }

    public void Failed(string userName, string address)
    {
        var now = time.GetUtcNow();
        Record(UserKey(userName), now);
        Record(AddressKey(address), now);
        if (_byKey.Count > 100_000)
        {
            Sweep(now);
        }
    }

    public void Succeeded(string userName) => _byKey.TryRemove(UserKey(userName), out _);

    private TimeSpan? Blocked(string key, int limit, DateTimeOffset now)
    {
        if (!_byKey.TryGetValue(key, out var failures))
        {
            return null;
        }

        lock (failures)
        {
            failures.Prune(now);
            return failures.Times.Count >= limit ? failures.Times.Peek() + Window - now : null;
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        var failures = _byKey.GetOrAdd(key, _ => new Failures());
        lock (failures)
        {
            failures.Prune(now);
            failures.Times.Enqueue(now);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, failures) in _byKey)
        {
            lock (failures)
            {
                failures.Prune(now);
                if (failures.Times.Count == 0)
                {
                    _byKey.TryRemove(key, out _);
                }
            }
        }
    }

    private static string UserKey(string userName) => "u:" + userName.Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "a:" + address;

    private sealed class Failures
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public void Prune(DateTimeOffset now)
        {
            while (Times.Count > 0 && Times.Peek() + Window <= now)
            {
                Times.Dequeue();
            }
        }
    }
}
