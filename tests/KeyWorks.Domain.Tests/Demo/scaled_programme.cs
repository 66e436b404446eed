using KeyWorks.Domain.Demo;
using KeyWorks.Domain.ReadModels;

namespace KeyWorks.Domain.Tests.Demo;

public sealed class scaled_programme
{
    [Fact]
    public void the_demo_grown_to_500_projects_is_decided_without_a_rejection_and_keeps_the_demo_as_it_is()
    {
        var commands = ScaledProgramme.Commands(500);
        var demoStreams = DemoProgramme.Commands().Select(c => Decider.StreamOf(c.Command)).ToHashSet(StringComparer.Ordinal);

        var run = CommandRun.Execute(commands);
        var model = KeyWorksReadModel.Fold(run.Envelopes);

        Assert.Empty(run.Rejections);
        Assert.Equal(500, model.Projects.Count);
        Assert.Equal(500, model.Projects.Values.Select(p => p.State.Details.Name).Distinct().Count());
        Assert.Equal(Json.Of(DemoProgramme.Commands()), Json.Of(commands.Where(c => demoStreams.Contains(Decider.StreamOf(c.Command)))));
        Assert.Equal(Json.Of(commands), Json.Of(ScaledProgramme.Commands(500)));
    }
}
