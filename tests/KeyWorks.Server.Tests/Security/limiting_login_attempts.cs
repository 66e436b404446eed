using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using KeyWorks.Server.Auth;

namespace KeyWorks.Server.Tests.Security;

/// <summary>
/// Password guessing over HTTP: one user name, then many names from one address, are answered <c>RATE_LIMITED</c> with
/// no token. The guesses come from another loopback address (127.0.0.2), so the address limit they reach leaves the
/// other tests' sign-ins from 127.0.0.1 alone, which also shows the limit is per address.
/// </summary>
[Collection(SecurityChecks.Name)]
public sealed class limiting_login_attempts(SecurityServer server)
{
    private const string Login = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token errors { code message } } }";

    private static readonly IPAddress Guesser = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task guessing_one_user_name_and_then_many_names_from_one_address_is_rate_limited()
    {
        var victim = $"user-{Guid.NewGuid():N}";
        var codes = new List<string?>();
        for (var i = 0; i <= LoginThrottle.MaxFailures; i++)
        {
            codes.Add(Code(await LoginAsync(victim, $"guess-{i}")));
        }

        Assert.Equal([.. Enumerable.Repeat("UNAUTHENTICATED", LoginThrottle.MaxFailures), "RATE_LIMITED"], codes);

        // The address limit (20 failures) is reached by guesses spread over user names that were never limited themselves.
        var spread = new List<string?>();
        for (var i = 0; i < 20; i++)
        {
            spread.Add(Code(await LoginAsync($"user-{i}-{Guid.NewGuid():N}", "guess")));
        }

        Assert.Contains("UNAUTHENTICATED", spread);
        Assert.Equal("RATE_LIMITED", spread[^1]);
        var fresh = await LoginAsync("office-zhou", "office-demo");
        Assert.Equal("RATE_LIMITED", Code(fresh));
        Assert.Equal(JsonValueKind.Null, fresh.GetProperty("token").ValueKind);

        // Another address still signs in.
        Assert.NotEmpty(await server.LoginAsync("office-zhou", "office-demo"));
    }

    private async Task<JsonElement> LoginAsync(string user, string password)
    {
        using var handler = new SocketsHttpHandler { ConnectCallback = ConnectFromGuesserAsync };
        using var client = new HttpClient(handler) { BaseAddress = server.Server.BaseAddress };
        using var response = await client.PostAsync("graphql", JsonContent.Create(new { query = Login, variables = new { u = user, p = password } }), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("data").GetProperty("login");
    }

    private static async ValueTask<Stream> ConnectFromGuesserAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(Guesser, 0));
            await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string? Code(JsonElement login) =>
        login.GetProperty("errors").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } e ? e.GetProperty("code").GetString() : null;
}
