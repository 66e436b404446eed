using System.Text.Json;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Api.Mutations;

/// <summary>
/// A demo server whose clock starts on 3 April 2027, 09:00 China time (<c>KeyWorks:Clock:Start</c>): the demo's history
/// (January to November 2026) is loaded first, and what users do is recorded on 3 April.
/// </summary>
public sealed class AprilServer(PostgresClusterFixture cluster) : DemoServer(cluster)
{
    public const string ClockStart = "2027-04-03T09:00:00+08:00";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["KeyWorks__Clock__Start"] = ClockStart };
}

/// <summary>
/// The case: a contractor reports March's investment on 3 April and the office confirms it; the project's
/// figures as of 31 March (recorded time) are what was known then, and as of 5 April they include March exactly.
/// </summary>
public sealed class reporting_march_in_april(AprilServer server) : IClassFixture<AprilServer>
{
    private const string Figures = """
        query($asOf: DateTime) { project(id: "Project:zjdd", asOf: $asOf) {
          figures { asOfDate totalInvestment completedThisMonth completedThisYear completedSinceStart totalCompletionRate }
          reports(first: 1) { nodes { id status } }
        } }
        """;

    private const string EndOfMarch = "2027-03-31T23:59:59+08:00";
    private const string FifthOfApril = "2027-04-05T12:00:00+08:00";

    [Fact]
    public async Task figures_as_of_31_march_and_5_april_differ_by_exactly_the_march_report()
    {
        var scenario = new Scenario(server);
        const decimal March = 6_543_210.50m;
        var before = await FiguresAsync(scenario, EndOfMarch);

        var reported = await scenario.MutateAsync(Caller.OwnContractor, "reportInvestment", "ReportInvestmentInput",
            new { idempotencyKey = Scenario.Key(), projectId = "Project:zjdd", month = "2027-03-01", amount = March },
            "report { id submittedAt } errors { code message field }");
        var reportId = reported.GetProperty("report").GetProperty("id").GetString()!;
        var confirmed = await scenario.MutateAsync(Caller.Office, "confirmReport", "ConfirmReportInput",
            new { idempotencyKey = Scenario.Key(), reportId }, "report { decidedAt } errors { code message field }");

        Assert.StartsWith("2027-04-03T", reported.GetProperty("report").GetProperty("submittedAt").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("2027-04-03T", confirmed.GetProperty("report").GetProperty("decidedAt").GetString(), StringComparison.Ordinal);

        var endOfMarch = await FiguresAsync(scenario, EndOfMarch);
        var april = await FiguresAsync(scenario, FifthOfApril);

        // What was known on 31 March does not change by what was recorded later.
        Assert.Equal(before.GetRawText(), endOfMarch.GetRawText());
        Assert.Equal("2027-03-31", Text(endOfMarch, "asOfDate"));
        Assert.Equal("2027-04-05", Text(april, "asOfDate"));

        // As of 5 April the reporting month is March: March's confirmed amount counts in the month, the year and the total.
        Assert.Equal(Value(endOfMarch, "completedThisMonth") + March, Value(april, "completedThisMonth"));
        Assert.Equal(Value(endOfMarch, "completedThisYear") + March, Value(april, "completedThisYear"));
        var sinceStart = Value(endOfMarch, "completedSinceStart") + March;
        Assert.Equal(sinceStart, Value(april, "completedSinceStart"));
        Assert.Equal(Math.Round(sinceStart / Value(april, "totalInvestment") * 100m, 2, MidpointRounding.AwayFromZero), Value(april, "totalCompletionRate"));
    }

    private static async Task<JsonElement> FiguresAsync(Scenario scenario, string asOf)
    {
        var response = await scenario.PostAsync(Caller.Office, Figures, new { asOf });
        return response.GetProperty("data").GetProperty("project").GetProperty("figures");
    }

    private static string? Text(JsonElement figures, string name) => figures.GetProperty(name).GetString();

    private static decimal Value(JsonElement figures, string name) => Scenario.Amount(figures.GetProperty(name));
}
