using KeyWorks.Server.Soak;

namespace KeyWorks.Server.Tests.Reliability;

[Collection(ReliabilityRuns.Name)]
public sealed class fuzzing_the_endpoint
{
    [Fact]
    public async Task generated_garbled_and_random_bodies_for_20_seconds_get_no_5xx_and_no_hang()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = await SoakServer.StartAsync(ReliabilityRuns.Folder(), 1, durable: false, cancellation);

        var result = await FuzzRun.RunAsync(server, TimeSpan.FromSeconds(20), 4, TimeSpan.FromSeconds(15), cancellation);

        var printed = new StringWriter();
        result.Print(printed);
        TestContext.Current.SendDiagnosticMessage(printed.ToString());
        Assert.True(result.Requests > 200, printed.ToString());
        Assert.Empty(result.ServerErrors);
        Assert.Equal(0, result.Hangs);
        Assert.Contains(result.ByKindAndStatus.Keys, k => k.StartsWith("document 200", StringComparison.Ordinal));
        Assert.Contains(result.ByKindAndStatus.Keys, k => k.StartsWith("json 400", StringComparison.Ordinal));
    }
}
