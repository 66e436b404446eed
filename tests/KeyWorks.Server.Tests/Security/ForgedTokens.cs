using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Security;

/// <summary>
/// Bearer tokens made from a genuine one by changing one thing: its claims re-signed with the server's key (the
/// control, which must be accepted), expired, not yet valid, another issuer or audience, a changed role with the
/// original signature, another key, <c>alg: none</c>, another algorithm, and plain garbage.
/// </summary>
public sealed class ForgedTokens(byte[] serverKey, string genuine)
{
    /// <summary>The genuine token's claims signed again with the server's key: proves the forgeries differ only where named.</summary>
    public string ResignedUnchanged() => Sign(Header("HS256"), Claims(), serverKey);

    /// <summary>The forgeries, by what is wrong with them.</summary>
    public IReadOnlyDictionary<string, string> All()
    {
        var now = SuiteClock.Now.ToUnixTimeSeconds(); // the security server runs on the suite's clock
        var parts = genuine.Split('.');
        return new Dictionary<string, string>
        {
            ["expired an hour ago"] = Sign(Header("HS256"), Claims(c => { c["iat"] = now - 7200; c["nbf"] = now - 7200; c["exp"] = now - 3600; }), serverKey),
            ["not valid for another hour"] = Sign(Header("HS256"), Claims(c => c["nbf"] = now + 3600), serverKey),
            ["another issuer"] = Sign(Header("HS256"), Claims(c => c["iss"] = "someone-else"), serverKey),
            ["another audience"] = Sign(Header("HS256"), Claims(c => c["aud"] = "someone-else"), serverKey),
            ["no subject"] = Sign(Header("HS256"), Claims(c => c.Remove("sub")), serverKey),
            ["payload changed, signature kept"] = parts[0] + "." + Encode(Claims(c => c["name"] = "冒名者")) + "." + parts[2],
            ["signed with another key"] = Sign(Header("HS256"), Claims(), RandomNumberGenerator.GetBytes(32)),
            ["alg none, no signature"] = Encode(Header("none")) + "." + Encode(Claims()) + ".",
            ["alg HS512 claimed"] = Sign(Header("HS512"), Claims(), serverKey),
            ["signature cut short"] = genuine[..^4],
            ["garbage"] = "garbage",
            ["three empty parts"] = "..",
        };
    }

    private JsonObject Claims(Action<JsonObject>? change = null)
    {
        var claims = JsonNode.Parse(Decode(genuine.Split('.')[1]))!.AsObject();
        change?.Invoke(claims);
        return claims;
    }

    private static JsonObject Header(string alg) => new() { ["alg"] = alg, ["typ"] = "JWT" };

    private static string Sign(JsonObject header, JsonObject claims, byte[] key)
    {
        var input = Encode(header) + "." + Encode(claims);
        return input + "." + Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(input)));
    }

    private static string Encode(JsonNode json) => Base64Url(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Decode(string part)
    {
        var base64 = part.Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
    }
}
