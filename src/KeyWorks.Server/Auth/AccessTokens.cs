using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KeyWorks.Server.Auth;

/// <summary>Who a bearer token speaks for.</summary>
public sealed record TokenSubject(string UserId, string Name, string Role, string? Unit);

/// <summary>Why a token was refused; the code reaches the client as <c>UNAUTHENTICATED</c> with this reason.</summary>
public enum TokenRejection
{
    Malformed,
    UnsupportedAlgorithm,
    BadSignature,
    Expired,
    NotYetValid,
    WrongIssuerOrAudience,
}

public abstract record TokenCheck
{
    public sealed record Valid(TokenSubject Subject, DateTimeOffset ExpiresAt) : TokenCheck;

    public sealed record Refused(TokenRejection Reason) : TokenCheck;
}

/// <summary>
/// JSON Web Tokens (RFC 7519) signed with HMAC-SHA256 (JWS, RFC 7515): the only algorithm accepted, so a token
/// claiming <c>none</c> or an asymmetric algorithm is refused rather than trusted.
/// </summary>
public sealed class AccessTokens
{
    private const string Issuer = "keyworks";
    private const string Audience = "keyworks";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public AccessTokens(byte[] signingKey, TimeProvider time, TimeSpan lifetime)
    {
        if (signingKey.Length < 32)
        {
            throw new ArgumentException("the signing key must have at least 256 bits", nameof(signingKey));
        }

        _key = signingKey;
        _time = time;
        _lifetime = lifetime;
    }

    public (string Token, DateTimeOffset ExpiresAt) Issue(TokenSubject subject)
    {
        var now = _time.GetUtcNow();
        var expires = now + _lifetime;
        var claims = new Claims(subject.UserId, subject.Name, subject.Role, subject.Unit, Issuer, Audience,
            now.ToUnixTimeSeconds(), now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds(), Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
        var signingInput = Base64Url(Header) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims, TokenJson.Default.Claims));
        return (signingInput + "." + Base64Url(Sign(signingInput)), DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    public TokenCheck Check(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return new TokenCheck.Refused(TokenRejection.Malformed);
        }

        JwtHeader? header;
        Claims? claims;
        byte[] signature;
        try
        {
            header = JsonSerializer.Deserialize(FromBase64Url(parts[0]), TokenJson.Default.JwtHeader);
            claims = JsonSerializer.Deserialize(FromBase64Url(parts[1]), TokenJson.Default.Claims);
            signature = FromBase64Url(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return new TokenCheck.Refused(TokenRejection.Malformed);
        }

        if (header is null || claims is null)
        {
            return new TokenCheck.Refused(TokenRejection.Malformed);
        }

        if (header.Alg != "HS256")
        {
            return new TokenCheck.Refused(TokenRejection.UnsupportedAlgorithm);
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1])))
        {
            return new TokenCheck.Refused(TokenRejection.BadSignature);
        }

        if (claims.Iss != Issuer || claims.Aud != Audience || string.IsNullOrEmpty(claims.Sub) || string.IsNullOrEmpty(claims.Role))
        {
            return new TokenCheck.Refused(TokenRejection.WrongIssuerOrAudience);
        }

        var now = _time.GetUtcNow();
        if (DateTimeOffset.FromUnixTimeSeconds(claims.Exp) + ClockSkew <= now)
        {
            return new TokenCheck.Refused(TokenRejection.Expired);
        }

        if (DateTimeOffset.FromUnixTimeSeconds(claims.Nbf) - ClockSkew > now)
        {
            return new TokenCheck.Refused(TokenRejection.NotYetValid);
        }

        return new TokenCheck.Valid(new TokenSubject(claims.Sub, claims.Name ?? claims.Sub, claims.Role, claims.Unit), DateTimeOffset.FromUnixTimeSeconds(claims.Exp));
    }

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    internal sealed record JwtHeader([property: JsonPropertyName("alg")] string? Alg, [property: JsonPropertyName("typ")] string? Typ);

    internal sealed record Claims(
        [property: JsonPropertyName("sub")] string Sub,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("unit")] string? Unit,
        [property: JsonPropertyName("iss")] string Iss,
        [property: JsonPropertyName("aud")] string Aud,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("nbf")] long Nbf,
        [property: JsonPropertyName("exp")] long Exp,
        [property: JsonPropertyName("jti")] string Jti);
}

[JsonSerializable(typeof(AccessTokens.JwtHeader))]
[JsonSerializable(typeof(AccessTokens.Claims))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class TokenJson : JsonSerializerContext;
