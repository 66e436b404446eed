using System.Security.Cryptography;
using KeyWorks.Server.Tests.Api;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Security;

/// <summary>
/// The demo server of the security checks, with a signing key the tests know (to forge tokens that differ from a valid
/// one in exactly one respect, and to look for the key in the server's output).
/// </summary>
public sealed class SecurityServer(PostgresClusterFixture cluster) : DemoServer(cluster)
{
    /// <summary>The server's token signing key (32 random bytes per run).</summary>
    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["KeyWorks__Auth__SigningKey"] = Convert.ToBase64String(SigningKey),
    };
}

/// <summary>One security server shared by the security checks (they run one after another, so event counts stay exact).</summary>
[CollectionDefinition(Name)]
public sealed class SecurityChecks : ICollectionFixture<SecurityServer>
{
    public const string Name = "security checks on one demo server";
}
