using KeyWorks.Server.Auth;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Auth;

public sealed class login_throttling
{
    private readonly ManualClock _clock = new(DateTimeOffset.Parse("2026-11-21T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void five_failures_for_a_user_block_further_attempts_until_the_window_passes()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < LoginThrottle.MaxFailures - 1; i++)
        {
            throttle.Failed("office1", "10.0.0.1");
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Null(throttle.RetryAfter("office1", "10.0.0.1"));
        throttle.Failed("OFFICE1 ", "10.0.0.2");
        var wait = throttle.RetryAfter("office1", "10.0.0.3");
        Assert.NotNull(wait);
        Assert.Equal(LoginThrottle.Window - TimeSpan.FromSeconds(40), wait);

        _clock.Advance(wait.Value);
        Assert.Null(throttle.RetryAfter("office1", "10.0.0.1"));
    }

    [Fact]
    public void many_failures_from_one_address_over_many_names_block_that_address()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < 20; i++)
        {
            throttle.Failed($"guess{i}", "10.9.9.9");
        }

        Assert.NotNull(throttle.RetryAfter("someone-new", "10.9.9.9"));
        Assert.Null(throttle.RetryAfter("someone-new", "10.0.0.1"));
    }

    [Fact]
    public void a_success_clears_the_users_failures()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < LoginThrottle.MaxFailures - 1; i++)
        {
            throttle.Failed("leader1", "10.0.0.1");
        }

        throttle.Succeeded("leader1");
        throttle.Failed("leader1", "10.0.0.1");
        Assert.Null(throttle.RetryAfter("leader1", "10.0.0.1"));
    }
}
