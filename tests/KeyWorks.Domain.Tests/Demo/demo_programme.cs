using KeyWorks.Domain.Demo;

namespace KeyWorks.Domain.Tests.Demo;

public sealed class demo_programme
{
    [Fact]
    public void runs_through_the_decisions_without_any_rejection()
    {
        var run = CommandRun.Execute(DemoProgramme.Commands());
        var rejections = string.Join("\n", run.Rejections.Take(30).Select(r => $"{r.Command.At:yyyy-MM-dd HH:mm} {r.Command.Command} → {r.Error.Code} {r.Error.Message}"));
        Assert.True(run.Rejections.Count == 0, $"{run.Rejections.Count} rejections:\n{rejections}");
    }
}
