using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KeyWorks.Server.Tests.Api.Mutations;

/// <summary>Subscriptions over graphql-transport-ws, signed in with the token in <c>connection_init</c>.</summary>
[Collection(MutationServer.Name)]
public sealed class subscribing_to_reports(DemoServer demo)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly Scenario _scenario = new(demo);

    [Fact]
    public async Task the_office_hears_a_contractors_report_and_the_project_change()
    {
        var project = await _scenario.FreshProjectAsync(contractorsOwn: true);
        using var office = await ConnectAsync(await _scenario.TokenAsync(Caller.Office));
        await SubscribeAsync(office, "1", "subscription { reportSubmitted { __typename id status project { id } ... on InvestmentReport { amount } } }");
        await SubscribeAsync(office, "2", $$"""subscription { projectChanged(projectId: "{{project}}") { id figures { asOfDate } reports(status: PENDING) { totalCount } } }""");
        // The server subscribes on receipt; give it a moment before the report is sent.
        await Task.Delay(500, Token);

        var reported = await _scenario.MutateAsync(Caller.OwnContractor, "reportInvestment", "ReportInvestmentInput",
            new { idempotencyKey = Scenario.Key(), projectId = project, month = Scenario.LastMonth(), amount = 1_200_000m }, "report { id } errors { code }");

        var messages = new Dictionary<string, JsonNode>();
        while (messages.Count < 2)
        {
            var message = JsonNode.Parse(await ReceiveAsync(office))!;
            Assert.Equal("next", message["type"]!.GetValue<string>());
            messages.TryAdd(message["id"]!.GetValue<string>(), message["payload"]!["data"]!);
        }

        var report = messages["1"]["reportSubmitted"]!;
        Assert.Equal(reported.GetProperty("report").GetProperty("id").GetString(), report["id"]!.GetValue<string>());
        Assert.Equal("InvestmentReport", report["__typename"]!.GetValue<string>());
        Assert.Equal(project, report["project"]!["id"]!.GetValue<string>());
        Assert.Equal(1, messages["2"]["projectChanged"]!["reports"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_contractor_may_not_follow_another_project_and_an_anonymous_connection_nothing()
    {
        var foreign = await _scenario.FreshProjectAsync(contractorsOwn: false);
        var query = $$"""subscription { projectChanged(projectId: "{{foreign}}") { id } }""";

        using var contractor = await ConnectAsync(await _scenario.TokenAsync(Caller.OwnContractor));
        await SubscribeAsync(contractor, "1", query);
        var refused = JsonNode.Parse(await ReceiveAsync(contractor))!;

        using var anonymous = await ConnectAsync(null);
        await SubscribeAsync(anonymous, "1", "subscription { reportSubmitted { id } }");
        var unauthenticated = JsonNode.Parse(await ReceiveAsync(anonymous))!;

        Assert.Equal("error", refused["type"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("error", unauthenticated["type"]!.GetValue<string>());
        Assert.Equal("UNAUTHENTICATED", unauthenticated["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    /// <summary>Connects and initialises, with <c>{ authorization: "Bearer …" }</c> when a token is given.</summary>
    private async Task<ClientWebSocket> ConnectAsync(string? token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://{demo.Server.BaseAddress.Authority}/graphql"), Token);
        await SendAsync(socket, token is null
            ? """{"type":"connection_init"}"""
            : JsonSerializer.Serialize(new { type = "connection_init", payload = new { authorization = $"Bearer {token}" } }));
        Assert.Equal("connection_ack", JsonNode.Parse(await ReceiveAsync(socket))!["type"]!.GetValue<string>());
        return socket;
    }

    private static Task SubscribeAsync(ClientWebSocket socket, string id, string query) =>
        SendAsync(socket, JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query } }));

    private static Task SendAsync(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, Token);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var buffer = new byte[256 * 1024];
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
