using KeyWorks.Domain.Demo;
using KeyWorks.Domain.ReadModels;

namespace KeyWorks.Domain.Tests.Demo;

/// <summary>The demo programme run once per test run (the commands are deterministic).</summary>
internal static class DemoData
{
    private static readonly Lazy<CommandRunResult> LazyRun = new(() => CommandRun.Execute(DemoProgramme.Commands()));
    private static readonly Lazy<KeyWorksReadModel> LazyModel = new(() => KeyWorksReadModel.Fold(Run.Envelopes));

    public static CommandRunResult Run => LazyRun.Value;

    public static IReadOnlyList<EventEnvelope> Envelopes => Run.Envelopes;

    public static KeyWorksReadModel Model => LazyModel.Value;
}
