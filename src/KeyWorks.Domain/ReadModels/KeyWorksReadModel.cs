using System.Collections.Immutable;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.ReadModels;

/// <summary>A project as read: its folded state plus what only envelopes know (when reports arrived, who changed it last).</summary>
public sealed record ProjectView(
    ProjectState State,
    ImmutableSortedDictionary<YearMonth, DateTimeOffset> InvestmentReportedAt,
    DateTimeOffset LastChangedAt,
    string LastChangedBy);

/// <summary>
/// The read model every view is computed from: a pure left fold of envelopes in position order.
/// "As of T" is the fold of the envelopes recorded up to T; a rebuild from scratch equals the live model.
/// Envelopes at or below <see cref="Position"/> are ignored, so a replayed envelope changes nothing.
/// </summary>
public sealed record KeyWorksReadModel(
    ImmutableSortedDictionary<string, ProgrammeState> Programmes,
    ImmutableSortedDictionary<string, ProjectView> Projects,
    ImmutableSortedDictionary<string, ProblemState> Problems,
    long Position,
    DateTimeOffset? RecordedUpTo)
{
    public static readonly KeyWorksReadModel Empty = new(
        ImmutableSortedDictionary<string, ProgrammeState>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<string, ProjectView>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<string, ProblemState>.Empty.WithComparers(StringComparer.Ordinal),
        0, null);

    public static KeyWorksReadModel Apply(KeyWorksReadModel model, EventEnvelope envelope)
    {
        if (envelope.Position <= model.Position) return model;
        var next = model with { Position = envelope.Position, RecordedUpTo = envelope.RecordedAt };
        return envelope.Event switch
        {
            ProgrammeRegistered e => next with { Programmes = next.Programmes.SetItem(e.ProgrammeId, ProgrammeState.Create(e)) },
            IProjectEvent e => next.WithProject(e, envelope),
            IProblemEvent e => ProblemState.Evolve(next.Problems.GetValueOrDefault(e.ProblemId), e) is { } problem
                ? next with { Problems = next.Problems.SetItem(e.ProblemId, problem) }
                : next,
            _ => next,
        };
    }

    public static KeyWorksReadModel Fold(IEnumerable<EventEnvelope> envelopes) => Fold(Empty, envelopes);

    public static KeyWorksReadModel Fold(KeyWorksReadModel model, IEnumerable<EventEnvelope> envelopes) =>
        envelopes.Aggregate(model, Apply);

    /// <summary>What was known at <paramref name="recordedUpTo"/>: the fold of the envelopes recorded until then.</summary>
    public static KeyWorksReadModel AsOf(IEnumerable<EventEnvelope> envelopes, DateTimeOffset recordedUpTo) =>
        Fold(envelopes.Where(e => e.RecordedAt <= recordedUpTo));

    public IEnumerable<ProblemState> ProblemsOf(string projectId) => Problems.Values.Where(p => p.ProjectId == projectId);

    private KeyWorksReadModel WithProject(IProjectEvent e, EventEnvelope envelope)
    {
        var existing = Projects.GetValueOrDefault(e.ProjectId);
        if (ProjectState.Evolve(existing?.State, e) is not { } state) return this;
        var reportedAt = existing?.InvestmentReportedAt ?? ImmutableSortedDictionary<YearMonth, DateTimeOffset>.Empty;
        if (e is InvestmentReported reported) reportedAt = reportedAt.SetItem(reported.Month, envelope.RecordedAt);
        var view = new ProjectView(state, reportedAt, envelope.RecordedAt, envelope.UserId);
        return this with { Projects = Projects.SetItem(e.ProjectId, view) };
    }
}
