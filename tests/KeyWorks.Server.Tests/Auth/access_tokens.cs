using System.Text;
using KeyWorks.Server.Auth;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Auth;

public sealed class access_tokens
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
    private static readonly byte[] OtherKey = Encoding.UTF8.GetBytes("fedcba9876543210fedcba9876543210");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.FromHours(8)));
    private static readonly TokenSubject Contractor = new("u-zhangwei", "张伟", "contractor", "怀川建设");

    private AccessTokens Tokens(byte[]? key = null) => new(key ?? Key, _clock, TimeSpan.FromHours(8));

    [Fact]
    public void an_issued_token_checks_out_as_its_subject_until_it_expires()
    {
        var (token, expires) = Tokens().Issue(Contractor);

        var valid = Assert.IsType<TokenCheck.Valid>(Tokens().Check(token));
        Assert.Equal(Contractor, valid.Subject);
        Assert.Equal(_clock.GetUtcNow().AddHours(8), expires);

        _clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        Assert.Equal(new TokenCheck.Refused(TokenRejection.Expired), Tokens().Check(token));
    }

    [Fact]
    public void a_token_signed_with_another_key_is_refused()
    {
        var (token, _) = Tokens(OtherKey).Issue(Contractor);
        Assert.Equal(new TokenCheck.Refused(TokenRejection.BadSignature), Tokens().Check(token));
    }

    [Fact]
    public void a_tampered_payload_is_refused()
    {
        var (token, _) = Tokens().Issue(Contractor);
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1].Replace('-', '+').Replace('_', '/'))));
        var promoted = payload.Replace("\"contractor\"", "\"office\"", StringComparison.Ordinal);
        Assert.NotEqual(payload, promoted);
        var forged = parts[0] + "." + Convert.ToBase64String(Encoding.UTF8.GetBytes(promoted)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + parts[2];

        Assert.Equal(new TokenCheck.Refused(TokenRejection.BadSignature), Tokens().Check(forged));
    }

    [Fact]
    public void an_unsigned_alg_none_token_is_refused()
    {
        var (token, _) = Tokens().Issue(Contractor);
        var parts = token.Split('.');
        var none = Convert.ToBase64String("""{"alg":"none","typ":"JWT"}"""u8.ToArray()).TrimEnd('=');
        Assert.Equal(new TokenCheck.Refused(TokenRejection.UnsupportedAlgorithm), Tokens().Check(none + "." + parts[1] + "."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.%%%.abc")]
    public void garbage_is_refused_as_malformed(string token) =>
        Assert.Equal(new TokenCheck.Refused(TokenRejection.Malformed), Tokens().Check(token));

    [Fact]
    public void a_short_signing_key_is_not_accepted() =>
        Assert.Throws<ArgumentException>(() => new AccessTokens(new byte[16], _clock, TimeSpan.FromHours(1)));

    private static string Pad(string base64) => base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
}
