using System.Text.RegularExpressions;
using KeyWorks.Server.Auth;

namespace KeyWorks.Server.Tests.Security;

/// <summary>
/// After signing in as every demo user, using the tokens, failing sign-ins and sending forged tokens, the server's
/// output (stdout and stderr) holds no password, no token or token signature, no signing key and no database password.
/// </summary>
[Collection(SecurityChecks.Name)]
public sealed partial class keeping_secrets_out_of_logs(SecurityServer server)
{
    [GeneratedRegex("(?i)password=([^;]+)")]
    private static partial Regex DatabasePassword();

    [Fact]
    public async Task no_password_token_signing_key_or_database_password_reaches_the_servers_output()
    {
        var secrets = new Dictionary<string, string>();
        foreach (var (account, password) in UserAccounts.DemoUsers)
        {
            var token = await server.LoginAsync(account.UserName, password);
            await server.PostAsync("{ me { id } projects(first: 2) { totalCount } }", token: token);
            await server.PostAsync("mutation { registerProject(input: {}) { __typename } }", token: token);
            await server.PostAsync("{ project(id: \"Project:none\") { id } }", token: token);
            secrets[$"{account.UserName}'s password"] = password;
            secrets[$"{account.UserName}'s token"] = token;
            secrets[$"{account.UserName}'s token signature"] = token.Split('.')[2];
            await server.PostAsync("mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }", new { u = account.UserName, p = password + "-wrong-guess" });
            secrets[$"{account.UserName}'s wrong guess"] = password + "-wrong-guess";
        }

        foreach (var (why, forged) in new ForgedTokens(server.SigningKey, secrets["office-zhou's token"]).All().Where(t => t.Value.Length > 20))
        {
            await server.PostAsync("{ me { id } }", token: forged);
            secrets[$"a token {why}"] = forged;
        }

        secrets["the signing key (base64)"] = Convert.ToBase64String(server.SigningKey);
        secrets["the signing key (hex)"] = Convert.ToHexString(server.SigningKey);
        secrets["the database password"] = DatabasePassword().Match(server.ConnectionString).Groups[1].Value;
        Assert.NotEqual("", secrets["the database password"]);

        var output = server.Server.Output + server.Server.Errors;
        Assert.Contains("KeyWorks is serving", output);
        Assert.Empty(secrets.Where(s => output.Contains(s.Value, StringComparison.OrdinalIgnoreCase)).Select(s => s.Key));
    }
}
