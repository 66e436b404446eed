using KeyWorks.EventStore.Events;

namespace KeyWorks.EventStore.Sessions;

/// <summary>
/// A unit of work: appends are staged in memory and written by <see cref="SaveChangesAsync"/> in one transaction,
/// all or nothing. Not thread-safe; use one per request.
/// </summary>
public interface IEventSession : IAsyncDisposable
{
    /// <summary>Who and what caused the events of this session; stored with each event.</summary>
    SessionMetadata Metadata { get; }

    /// <summary>Starts a new stream; saving fails with <see cref="VersionConflictException"/> if it already exists.</summary>
    void StartStream(string streamId, string? streamType, params object[] events);

    /// <summary>Appends to a stream whatever its version, creating it if missing.</summary>
    void Append(string streamId, params object[] events);

    /// <summary>Appends to a stream that must be at <paramref name="expected"/>.</summary>
    void Append(string streamId, ExpectedVersion expected, params object[] events);

    /// <summary>
    /// Appends with every option: an expected version, an idempotency key (the same key on the same stream appends once;
    /// a repeat returns the first append's result with <see cref="AppendResult.Duplicate"/> set) and the stream's type
    /// when the append creates it.
    /// </summary>
    void Append(string streamId, ExpectedVersion expected, string? idempotencyKey, IEnumerable<object> events, string? streamType = null);

    /// <summary>
    /// Writes every staged append in one transaction, with the inline projections. On a version conflict nothing is written
    /// and <see cref="VersionConflictException"/> is thrown. Returns one result per staged append, in staging order.
    /// </summary>
    Task<IReadOnlyList<AppendResult>> SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Who and what caused a session's events. <paramref name="RecordedAt"/> is for trusted imports of past history only:
/// the events are recorded at that time instead of the database clock's, and the append fails with
/// <see cref="RecordedTimeException"/> if it is earlier than the newest event's, so recorded time never decreases
/// along the global order.
/// </summary>
public sealed record SessionMetadata(
    string? User = null, string? CorrelationId = null, string? CausationId = null, DateTimeOffset? RecordedAt = null);
