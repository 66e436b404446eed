using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Api.Mutations;

/// <summary>
/// Bulletins over the API of a real server: drafted by the server's job runner, followed over a subscription, downloaded
/// with the caller's token checked, published for the leaders; refusals with their codes and input paths.
/// </summary>
[Collection(MutationServer.Name)]
public sealed class bulletins_over_http(DemoServer demo)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly Scenario _scenario = new(demo);

    [Fact]
    public async Task the_office_drafts_a_leaders_copy_hears_it_is_ready_downloads_it_and_publishes_it_for_the_leader()
    {
        using var socket = await ConnectAsync(await _scenario.TokenAsync(Caller.Office));
        await SendAsync(socket, JsonSerializer.Serialize(new { id = "1", type = "subscribe", payload = new { query = "subscription { bulletinReady { id status progress } }" } }));
        await Task.Delay(500, Token);

        var id = await BulletinScenario.DraftedAsync(_scenario, "Leader:leader-wang");
        var heard = new List<string>();
        while (!heard.Contains("DRAFTED"))
        {
            var message = JsonNode.Parse(await ReceiveAsync(socket))!;
            Assert.Equal("next", message["type"]!.GetValue<string>());
            var ready = message["payload"]!["data"]!["bulletinReady"]!;
            if (ready["id"]!.GetValue<string>() == id)
            {
                heard.Add(ready["status"]!.GetValue<string>());
            }
        }

        Assert.Contains("RUNNING", heard);
        var drafted = await BulletinScenario.WaitForStatusAsync(_scenario, id, "DRAFTED");
        var url = drafted.GetProperty("downloadUrl").GetString()!;
        Assert.Equal(64, drafted.GetProperty("contentHash").GetString()!.Length);

        var (status, pdf, type) = await DownloadAsync(url, Caller.Office);
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (status, type));
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Equal(drafted.GetProperty("contentHash").GetString(), Convert.ToHexStringLower(SHA256.HashData(pdf)));
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(url, Caller.Auditor)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await DownloadAsync(url, Caller.OwnContractor)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await DownloadAsync(url, Caller.Leader)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DownloadAsync(url, Caller.Anonymous)).Status);
        Assert.DoesNotContain(id, await ListAsync(Caller.Leader));
        Assert.Contains(id, await ListAsync(Caller.Office));

        var published = await _scenario.MutateAsync(Caller.Office, "publishBulletin", "PublishBulletinInput",
            new { idempotencyKey = Scenario.Key(), bulletinId = id, recommendations = "一、加快征迁交地。\n二、督促滞后项目。" },
            $"bulletin {{ {BulletinScenario.Fields} }} errors {{ code message field }}");

        var bulletin = published.GetProperty("bulletin");
        Assert.Equal("PUBLISHED", bulletin.GetProperty("status").GetString());
        Assert.Equal("一、加快征迁交地。\n二、督促滞后项目。", bulletin.GetProperty("recommendations").GetString());
        Assert.Contains(id, await ListAsync(Caller.Leader));
        var (leaderStatus, leaderPdf, _) = await DownloadAsync(url, Caller.Leader);
        Assert.Equal(HttpStatusCode.OK, leaderStatus);
        Assert.Equal(bulletin.GetProperty("contentHash").GetString(), Convert.ToHexStringLower(SHA256.HashData(leaderPdf)));
    }

    [Fact]
    public async Task a_future_month_a_month_without_data_and_an_unknown_programme_are_refused_with_their_codes_at_their_fields()
    {
        var programme = await BulletinScenario.ProgrammeIdAsync(_scenario);
        var future = SuiteClock.Today.AddMonths(2).ToString("yyyy-MM-01", CultureInfo.InvariantCulture);

        Assert.Equal(("BULLETIN_MONTH_IN_FUTURE", "month"), await RefusalAsync(programme, future));
        Assert.Equal(("BULLETIN_NO_DATA", "month"), await RefusalAsync(programme, "2025-06-01"));
        Assert.Equal(("PROGRAMME_NOT_FOUND", "programmeId"), await RefusalAsync("Programme:no-such", BulletinScenario.ClosedMonth()));
        var publish = await _scenario.PostAsync(Caller.Office, Scenario.Document("publishBulletin", "PublishBulletinInput"),
            new { input = new { idempotencyKey = Scenario.Key(), bulletinId = $"Bulletin:{Guid.NewGuid()}", recommendations = "建议" } });
        Assert.Equal("BULLETIN_NOT_FOUND", publish.GetProperty("data").GetProperty("publishBulletin").GetProperty("errors")[0].GetProperty("code").GetString());
    }

    private async Task<(string Code, string Field)> RefusalAsync(string programmeId, string month)
    {
        var response = await _scenario.PostAsync(Caller.Office, Scenario.Document("generateBulletin", "GenerateBulletinInput", "bulletin { id } errors { code message field }"),
            new { input = new { idempotencyKey = Scenario.Key(), programmeId, month } });
        var payload = response.GetProperty("data").GetProperty("generateBulletin");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("bulletin").ValueKind);
        var error = payload.GetProperty("errors")[0];
        var field = error.GetProperty("field");
        Assert.Equal("input", field[0].GetString());
        return (error.GetProperty("code").GetString()!, field[1].GetString()!);
    }

    private async Task<List<string>> ListAsync(Caller caller)
    {
        var response = await _scenario.PostAsync(caller, "{ bulletins(first: 100) { totalCount nodes { id } } }");
        return [.. response.GetProperty("data").GetProperty("bulletins").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!)];
    }

    private async Task<(HttpStatusCode Status, byte[] Body, string? Type)> DownloadAsync(string url, Caller caller)
    {
        using var client = new HttpClient { BaseAddress = demo.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (await _scenario.TokenAsync(caller) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request, Token);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(Token), response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<ClientWebSocket> ConnectAsync(string? token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://{demo.Server.BaseAddress.Authority}/graphql"), Token);
        await SendAsync(socket, JsonSerializer.Serialize(new { type = "connection_init", payload = new { authorization = $"Bearer {token}" } }));
        Assert.Equal("connection_ack", JsonNode.Parse(await ReceiveAsync(socket))!["type"]!.GetValue<string>());
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, Token);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (result.EndOfMessage)
            {
                return text.ToString();
            }
        }
    }
}
