namespace KeyWorks.Domain.Demo;

/// <summary>
/// The demo programme grown to any number of projects, for load tests and benchmarks: the demo's 21 projects as they are,
/// then copies of them in turn under new ids (<c>zjdd-02</c>, <c>dslh-02</c> …), names (<c>紫荆大道2期</c>) and
/// contractor units, each with its own seeded history of the same shape (plan curve, nodes, monthly reports, corrections,
/// re-plans). Problems and inspections stay the demo's. Deterministic: the same commands for the same count.
/// </summary>
public static class ScaledProgramme
{
    /// <summary>How many projects the demo itself has.</summary>
    public static int DemoProjectCount => DemoProjects.All.Count;

    /// <summary>The commands of a programme with <paramref name="projectCount"/> projects, in recorded-time order.</summary>
    public static IReadOnlyList<IssuedCommand> Commands(int projectCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(projectCount, DemoProjects.All.Count);
        var demo = DemoProgramme.Commands();
        var copies = new List<IssuedCommand>();
        for (var index = DemoProjects.All.Count; index < projectCount; index++)
        {
            var original = DemoProjects.All[index % DemoProjects.All.Count];
            var copy = index / DemoProjects.All.Count + 1;
            var tail = original.Name.Contains('（', StringComparison.Ordinal) ? original.Name[original.Name.IndexOf('（', StringComparison.Ordinal)..] : "";
            var spec = original with { Id = $"{original.Id}-{copy:D2}", Name = $"{original.ShortName}{copy}期{tail}" };
            copies.AddRange(new ProjectHistory(spec, index, new Random(DemoProgramme.Seed + index)).Build());
        }

        // A stable sort keeps the demo's own order among commands recorded at the same instant.
        return [.. demo.Concat(copies.Where(c => c.At <= DemoProgramme.Now)).OrderBy(c => c.At)];
    }
}
