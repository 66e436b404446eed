using KeyWorks.Domain;

namespace KeyWorks.Bulletins.Storing;

/// <summary>Where a bulletin run stands.</summary>
public enum BulletinStatus
{
    Queued,
    Running,
    Drafted,
    Failed,
    Published,
}

/// <summary>Who asked for a run: the monthly schedule or a user.</summary>
public enum BulletinOrigin
{
    Schedule,
    Request,
}

/// <summary>
/// A bulletin run as stored: which issue, its state, and the outcome (PDF hash and pages, publication). The PDF itself
/// is read apart (<see cref="BulletinStore.ReadPdfAsync"/>).
/// </summary>
/// <param name="Month">the month reported on</param>
/// <param name="LeaderId">for a leader's variant, the leader whose projects come first; null for the office copy</param>
/// <param name="Progress">percent done, 0–100</param>
public sealed record StoredBulletin(
    Guid Id,
    string ProgrammeId,
    YearMonth Month,
    int Issue,
    string? LeaderId,
    string? LeaderName,
    BulletinOrigin Origin,
    string RequestedBy,
    string Title,
    DateTimeOffset Cutoff,
    BulletinStatus Status,
    string? Failure,
    int Attempts,
    int Progress,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long? DurationMs,
    string? ContentHash,
    int? PageCount,
    string? Recommendations,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    bool Frozen);

/// <summary>What to draft: the issue, the variant and who asked.</summary>
public sealed record BulletinOrder(
    string ProgrammeId,
    YearMonth Month,
    int Issue,
    string? LeaderId,
    string? LeaderName,
    BulletinOrigin Origin,
    string RequestedBy,
    string Title,
    DateTimeOffset Cutoff,
    string? IdempotencyKey);

/// <summary>A printed bulletin: the PDF, its SHA-256 (lower-case hex) and its page count.</summary>
public sealed record BulletinPdf(byte[] Bytes, string ContentHash, int PageCount);
