namespace KeyWorks.Domain;

/// <summary>The checks decisions share; each throws a <see cref="DomainException"/> with a stable code.</summary>
internal static class Rules
{
    public static DomainException Reject(string code, string message, string? field = null) =>
        new(new DomainError(code, message, field));

    public static void Office(Actor actor)
    {
        if (actor.Role != Role.Office)
            throw Reject(ErrorCodes.Forbidden, $"Only the command office may do this; {actor.Name} is {actor.Role}（无权操作）");
    }

    /// <summary>Office, or a contractor who belongs to the project (reports).</summary>
    public static void OfficeOrContractor(Actor actor, string projectId)
    {
        if (actor.Role == Role.Office) return;
        if (actor.Role == Role.Contractor && actor.BelongsTo(projectId)) return;
        throw Reject(ErrorCodes.Forbidden, $"{actor.Name} ({actor.Role}) may not report on project {projectId}（无权上报该项目）");
    }

    /// <summary>Office, or a contractor or leader who belongs to the project (raising problems).</summary>
    public static void OfficeOrMember(Actor actor, string projectId)
    {
        if (actor.Role == Role.Office) return;
        if ((actor.Role is Role.Contractor or Role.Leader) && actor.BelongsTo(projectId)) return;
        throw Reject(ErrorCodes.Forbidden, $"{actor.Name} ({actor.Role}) may not act on project {projectId}（无权操作该项目）");
    }

    public static void NotNegative(decimal amount, string field)
    {
        if (amount < 0)
            throw Reject(ErrorCodes.NegativeAmount, $"{field} must not be negative, got {amount}（金额不能为负）", field);
    }

    public static void Text(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw Reject(ErrorCodes.Required, $"{field} is required（必填）", field);
    }

    public static T Exists<T>(T? state, string projectId) where T : class =>
        state ?? throw Reject(ErrorCodes.ProjectNotFound, $"Project {projectId} does not exist（项目不存在）", "projectId");
}
