using KeyWorks.Server.Auth;

namespace KeyWorks.Server.Tests.Auth;

public sealed class password_hashing
{
    private readonly PasswordHasher _hasher = new(iterations: 1_000);

    [Fact]
    public void the_right_password_verifies_and_a_wrong_one_does_not()
    {
        var stored = _hasher.Hash("紫荆大道2026!");
        Assert.True(PasswordHasher.Verify("紫荆大道2026!", stored));
        Assert.False(PasswordHasher.Verify("紫荆大道2026", stored));
    }

    [Fact]
    public void the_same_password_hashes_differently_each_time_and_never_appears_in_the_hash()
    {
        var first = _hasher.Hash("secret-pass");
        var second = _hasher.Hash("secret-pass");
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("secret-pass", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha256$x$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64$AAAA")]
    [InlineData("md5$1$AAAA$AAAA")]
    public void a_malformed_stored_hash_never_matches(string stored) =>
        Assert.False(PasswordHasher.Verify("anything", stored));
}
