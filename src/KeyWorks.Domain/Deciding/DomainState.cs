using System.Collections.Immutable;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain;

/// <summary>
/// The aggregates a decision may read, by id. The store loads only the streams a command touches;
/// the in-memory demo run keeps them all.
/// </summary>
public sealed record DomainState(
    ImmutableDictionary<string, ProgrammeState> Programmes,
    ImmutableDictionary<string, ProjectState> Projects,
    ImmutableDictionary<string, ProblemState> Problems)
{
    public static readonly DomainState Empty = new(
        ImmutableDictionary<string, ProgrammeState>.Empty,
        ImmutableDictionary<string, ProjectState>.Empty,
        ImmutableDictionary<string, ProblemState>.Empty);

    public ProgrammeState? Programme(string id) => Programmes.GetValueOrDefault(id);

    public ProjectState? Project(string id) => Projects.GetValueOrDefault(id);

    public ProblemState? Problem(string id) => Problems.GetValueOrDefault(id);

    public DomainState Apply(IDomainEvent @event) => @event switch
    {
        ProgrammeRegistered e => this with { Programmes = Programmes.SetItem(e.ProgrammeId, ProgrammeState.Create(e)) },
        IProjectEvent e => ProjectState.Evolve(Project(e.ProjectId), e) is { } project
            ? this with { Projects = Projects.SetItem(e.ProjectId, project) }
            : this,
        IProblemEvent e => ProblemState.Evolve(Problem(e.ProblemId), e) is { } problem
            ? this with { Problems = Problems.SetItem(e.ProblemId, problem) }
            : this,
        _ => this,
    };

    public DomainState Apply(IEnumerable<IDomainEvent> events) => events.Aggregate(this, (state, e) => state.Apply(e));
}
