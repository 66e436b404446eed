using KeyWorks.Server.Soak;

namespace KeyWorks.Server.Tests.Reliability;

[Collection(ReliabilityRuns.Name)]
public sealed class sending_reports_under_load
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task twenty_contractors_sending_ten_reports_with_repeats_lose_and_double_nothing()
    {
        await using var server = await SoakServer.StartAsync(ReliabilityRuns.Folder(), 20, durable: false, Cancellation);
        var before = await LoadCheck.ProblemCountAsync(server, Cancellation);

        var load = await new LoadRun(server, new LoadOptions(20, 10, 3, TimeSpan.FromSeconds(10))).RunAsync(Cancellation);
        var check = await LoadCheck.RunAsync(server, load, before, Cancellation);

        var printed = new StringWriter();
        load.Print(printed);
        check.Print(printed);
        TestContext.Current.SendDiagnosticMessage(printed.ToString());
        Assert.Equal(200, load.Log.Count);
        Assert.True(check.Acknowledged > 100, printed.ToString());
        Assert.True(check.Passed, printed.ToString());
        Assert.Empty(load.RepeatsAnsweredDifferently);
        Assert.All(load.Failures.Keys, code => Assert.Equal("VERSION_CONFLICT", code));
        Assert.All(load.Rejections.Keys, code => Assert.Contains(code, new[] { "REPORT_ALREADY_EXISTS", "PROGRESS_DECREASED", "OVER_TOTAL_INVESTMENT_NEEDS_REASON", "NODE_DATE_BEFORE_PREVIOUS", "NODE_DATE_AFTER_NEXT", "NODE_ALREADY_REPORTED" }));
    }
}
