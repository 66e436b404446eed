using System.Text.Json;
using KeyWorks.Server.Auth;

namespace KeyWorks.Server.Tests.Api;

/// <summary><c>login</c>, bearer tokens and <c>me</c> over HTTP against the server with the demo loaded.</summary>
public sealed class signing_in(DemoServer demo) : IClassFixture<DemoServer>
{
    private const string Login = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token expiresAt user { username name role unit { name } } errors { code message } } }";

    [Theory]
    [InlineData("office-zhou", "office-demo", "OFFICE")]
    [InlineData("leader-wang", "leader-demo", "LEADER")]
    [InlineData("auditor-he", "auditor-demo", "AUDITOR")]
    public async Task each_demo_user_signs_in_and_me_answers_with_their_role(string userName, string password, string role)
    {
        var token = await demo.LoginAsync(userName, password);

        var me = (await demo.PostAsync("{ me { id username role } }", token: token)).GetProperty("data").GetProperty("me");
        Assert.Equal(userName, me.GetProperty("username").GetString());
        Assert.Equal(role, me.GetProperty("role").GetString());
        Assert.Equal($"User:{userName}", me.GetProperty("id").GetString());
    }

    [Fact]
    public async Task the_demo_contractor_belongs_to_a_unit()
    {
        var (account, password) = UserAccounts.DemoUsers.Single(u => u.Account.Role == KeyWorks.Domain.Role.Contractor);
        var login = (await demo.PostAsync(Login, new { u = account.UserName, p = password })).GetProperty("data").GetProperty("login");

        Assert.Equal("CONTRACTOR", login.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal(account.Unit, login.GetProperty("user").GetProperty("unit").GetProperty("name").GetString());
    }

    [Fact]
    public async Task a_wrong_password_and_an_unknown_user_are_refused_alike()
    {
        var wrongPassword = (await demo.PostAsync(Login, new { u = "auditor-he", p = "nope" })).GetProperty("data").GetProperty("login");
        var unknownUser = (await demo.PostAsync(Login, new { u = "nobody", p = "auditor-demo" })).GetProperty("data").GetProperty("login");

        foreach (var refused in new[] { wrongPassword, unknownUser })
        {
            Assert.Equal(JsonValueKind.Null, refused.GetProperty("token").ValueKind);
            Assert.Equal("UNAUTHENTICATED", refused.GetProperty("errors")[0].GetProperty("code").GetString());
        }

        Assert.Equal(wrongPassword.GetProperty("errors")[0].GetProperty("message").GetString(),
            unknownUser.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task repeated_failures_for_one_user_name_are_rate_limited()
    {
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            await demo.PostAsync(Login, new { u = "office-sun-unknown", p = "wrong" });
        }

        var login = (await demo.PostAsync(Login, new { u = "office-sun-unknown", p = "wrong" })).GetProperty("data").GetProperty("login");
        Assert.Equal("RATE_LIMITED", login.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task without_a_token_or_with_a_forged_one_me_is_null()
    {
        var anonymous = await demo.PostAsync("{ me { id } }");
        var forged = await demo.PostAsync("{ me { id } }", token: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJvZmZpY2UtemhvdSJ9.");

        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("data").GetProperty("me").ValueKind);
        Assert.Equal(JsonValueKind.Null, forged.GetProperty("data").GetProperty("me").ValueKind);
    }
}
