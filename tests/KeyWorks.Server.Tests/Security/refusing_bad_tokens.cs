using System.Text.Json;
using KeyWorks.Server.Tests.Api.Mutations;

namespace KeyWorks.Server.Tests.Security;

/// <summary>
/// Forged, expired and malformed bearer tokens over HTTP and in a WebSocket's <c>connection_init</c>: each makes the
/// caller anonymous (<c>me</c> null, a mutation <c>UNAUTHENTICATED</c> and nothing appended, a subscription
/// <c>UNAUTHENTICATED</c>), while the same claims signed properly are accepted.
/// </summary>
[Collection(SecurityChecks.Name)]
public sealed class refusing_bad_tokens(SecurityServer server)
{
    private readonly Scenario _scenario = new(server);

    [Fact]
    public async Task the_same_claims_signed_with_the_servers_key_are_accepted()
    {
        var tokens = new ForgedTokens(server.SigningKey, (await _scenario.TokenAsync(Caller.Office))!);

        var me = (await server.PostAsync("{ me { username role } }", token: tokens.ResignedUnchanged())).GetProperty("data").GetProperty("me");

        Assert.Equal("OFFICE", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task each_forged_expired_or_malformed_token_is_anonymous_over_http_and_appends_nothing()
    {
        var inputs = await MutationInputs.ReadAsync(server);
        var foreign = await ForeignRecords.FindAsync(_scenario);
        var tokens = new ForgedTokens(server.SigningKey, (await _scenario.TokenAsync(Caller.Office))!);
        var failures = new List<string>();
        foreach (var (why, token) in tokens.All())
        {
            var me = await server.PostAsync("{ me { id } }", token: token);
            var before = await _scenario.EventCountAsync();
            var register = await server.PostAsync(Scenario.Document("registerProject", "RegisterProjectInput", "project { id }"),
                new { input = inputs.Generate("RegisterProjectInput", foreign.IdFor) }, token);
            var appended = await _scenario.EventCountAsync() - before;

            if (me.GetProperty("data").GetProperty("me").ValueKind != JsonValueKind.Null)
            {
                failures.Add($"{why}: me answered {me}");
            }

            if (Code(register) != "UNAUTHENTICATED" || appended != 0)
            {
                failures.Add($"{why}: registerProject answered {register} and appended {appended}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task each_forged_expired_or_malformed_token_in_connection_init_cannot_subscribe()
    {
        var tokens = new ForgedTokens(server.SigningKey, (await _scenario.TokenAsync(Caller.Office))!);
        var failures = new List<string>();
        foreach (var (why, token) in tokens.All())
        {
            using var socket = await GraphQLSocket.ConnectAsync(server.Server.BaseAddress, $"Bearer {token}");
            var answer = await socket.SubscribeAsync("1", "subscription { reportSubmitted { id } }");
            if (answer["type"]!.GetValue<string>() != "error" || answer["payload"]![0]!["extensions"]!["code"]!.GetValue<string>() != "UNAUTHENTICATED")
            {
                failures.Add($"{why}: {answer.ToJsonString()}");
            }
        }

        Assert.Empty(failures);
    }

    private static string? Code(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;
}
