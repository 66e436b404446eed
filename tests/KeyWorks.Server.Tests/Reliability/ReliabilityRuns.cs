namespace KeyWorks.Server.Tests.Reliability;

/// <summary>
/// The fast versions of the soak console's runs (<c>tests/KeyWorks.Server.Soak</c>): each starts its own PostgreSQL
/// cluster and server with the demo, so they run one at a time rather than beside each other on a loaded machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityRuns
{
    public const string Name = "reliability runs";

    /// <summary>A fresh folder for one run's cluster under the temporary folder.</summary>
    public static string Folder() => Path.Combine(Path.GetTempPath(), $"keyworks-reliability-{Guid.NewGuid():N}");
}
