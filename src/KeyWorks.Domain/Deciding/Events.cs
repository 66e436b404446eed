namespace KeyWorks.Domain;

/// <summary>Marker for everything the domain records.</summary>
public interface IDomainEvent;

/// <summary>An event of a programme stream.</summary>
public interface IProgrammeEvent : IDomainEvent
{
    string ProgrammeId { get; }
}

/// <summary>An event of a project stream (nodes, plans, reports, inspections, status).</summary>
public interface IProjectEvent : IDomainEvent
{
    string ProjectId { get; }
}

/// <summary>An event of a problem stream.</summary>
public interface IProblemEvent : IDomainEvent
{
    string ProblemId { get; }
}

/// <summary>A command about one project; its stream is the project's.</summary>
public interface IProjectCommand
{
    string ProjectId { get; }
}
