namespace KeyWorks.Domain;

/// <summary>What a user may do: office staff run the programme, leaders and auditors read, contractors report on their own projects.</summary>
public enum Role
{
    Office,
    Leader,
    Contractor,
    Auditor,
}

/// <summary>The user issuing a command. Contractors (and leaders) carry the projects they belong to; any actor may carry a unit.</summary>
public sealed record Actor(string UserId, string Name, Role Role, string? Unit = null, IReadOnlyList<string>? Projects = null)
{
    /// <summary>True when the actor belongs to the project (its contractor, or its assigned leader).</summary>
    public bool BelongsTo(string projectId) => Projects is not null && Projects.Contains(projectId);

    public static Actor Office(string userId, string name) => new(userId, name, Role.Office, "指挥部办公室");

    public static Actor Contractor(string userId, string name, string unit, params string[] projects) =>
        new(userId, name, Role.Contractor, unit, projects);

    public static Actor Leader(string userId, string name, params string[] projects) =>
        new(userId, name, Role.Leader, null, projects);

    public static Actor Auditor(string userId, string name) => new(userId, name, Role.Auditor);
}
