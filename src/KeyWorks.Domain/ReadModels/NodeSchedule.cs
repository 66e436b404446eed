using KeyWorks.Domain.Figures;

namespace KeyWorks.Domain.ReadModels;

/// <summary>A node due in a window, with its project, for the bulletin's "nodes due this month" and "next month's nodes".</summary>
public sealed record ScheduledNodeLine(string ProjectId, string ProjectName, string ResponsibleUnit, NodeLine Node);

public static class NodeSchedule
{
    /// <summary>Nodes whose deadline falls in [<paramref name="from"/>, <paramref name="to"/>], with their status as of <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<ScheduledNodeLine> DueBetween(KeyWorksReadModel model, DateOnly from, DateOnly to, DateOnly asOf) =>
        [.. model.Projects.Values
            .SelectMany(v => NodeFigures.Timeline(v.State, asOf).Select(n => new ScheduledNodeLine(
                v.State.Id, v.State.Details.Name, v.State.Responsibility?.ResponsibleUnit ?? "", n)))
            .Where(l => l.Node.Deadline >= from && l.Node.Deadline <= to)
            .OrderBy(l => l.Node.Deadline)
            .ThenBy(l => l.ProjectId, StringComparer.Ordinal)
            .ThenBy(l => l.Node.Sequence)];
}
