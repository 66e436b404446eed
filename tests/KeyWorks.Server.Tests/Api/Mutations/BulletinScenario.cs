using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KeyWorks.Bulletins.Drafting;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Api.Mutations;

/// <summary>Bulletins through the API: the demo programme's id, the latest month whose cutoff has passed, a drafted run.</summary>
public static class BulletinScenario
{
    public const string Fields = "id status month issue title progress attempts failure pageCount contentHash downloadUrl recommendations publishedBy";

    public static async Task<string> ProgrammeIdAsync(Scenario scenario) =>
        (await scenario.PostAsync(Caller.Office, "{ programmes { id } }")).GetProperty("data").GetProperty("programmes")[0].GetProperty("id").GetString()!;

    /// <summary>The latest month whose cutoff (its last day, 24:00 China time) has passed by the suite's clock.</summary>
    public static string ClosedMonth() =>
        BulletinRequests.LatestClosedMonth(SuiteClock.Now).FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Generates the closed month as the office (optionally a leader's variant) and waits until it is drafted; its id.</summary>
    public static async Task<string> DraftedAsync(Scenario scenario, string? leaderId)
    {
        var payload = await scenario.MutateAsync(Caller.Office, "generateBulletin", "GenerateBulletinInput",
            new { idempotencyKey = Scenario.Key(), programmeId = await ProgrammeIdAsync(scenario), month = ClosedMonth(), leaderId },
            "bulletin { id } errors { code message field }");
        var id = payload.GetProperty("bulletin").GetProperty("id").GetString()!;
        await WaitForStatusAsync(scenario, id, "DRAFTED");
        return id;
    }

    /// <summary>Polls <c>node(id:)</c> as the office until the bulletin has the status; fails on FAILED or after two minutes.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(Scenario scenario, string id, string status)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var node = (await scenario.PostAsync(Caller.Office, $$"""{ node(id: "{{id}}") { ... on Bulletin { {{Fields}} } } }"""))
                .GetProperty("data").GetProperty("node");
            var now = node.GetProperty("status").GetString();
            if (now == status)
            {
                return node;
            }

            if (now == "FAILED" || clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException($"bulletin {id} is {node}");
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
