namespace KeyWorks.Bulletins.Drafting;

/// <summary>A bulletin request a user can correct: a stable code, a message in plain words and the input field at fault.</summary>
public sealed class BulletinRequestException(string code, string message, string? field = null) : Exception(message)
{
    public const string ProgrammeNotFound = "PROGRAMME_NOT_FOUND";
    public const string MonthInFuture = "BULLETIN_MONTH_IN_FUTURE";
    public const string MonthNotClosed = "BULLETIN_MONTH_NOT_CLOSED";
    public const string NoData = "BULLETIN_NO_DATA";
    public const string LeaderNotFound = "LEADER_NOT_FOUND";
    public const string BulletinNotFound = "BULLETIN_NOT_FOUND";
    public const string NotDrafted = "BULLETIN_NOT_DRAFTED";
    public const string AlreadyPublished = "BULLETIN_ALREADY_PUBLISHED";
    public const string RecommendationsRequired = "RECOMMENDATIONS_REQUIRED";

    public string Code { get; } = code;

    /// <summary>The input field the error is about (e.g. <c>month</c>), if one is.</summary>
    public string? Field { get; } = field;
}
