namespace KeyWorks.EventStore;

/// <summary>An error a caller can cause, with a stable code.</summary>
public class EventStoreException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A stable, machine-readable code such as <c>VERSION_CONFLICT</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>
/// An append's expected version did not match the stream. Nothing of the session was written.
/// </summary>
public sealed class VersionConflictException(string streamId, string expected, long actual, Exception? inner = null)
    : EventStoreException(
        CodeValue,
        $"Stream '{streamId}' was expected at version {expected} but is at {(actual == 0 ? "no stream" : actual.ToString(System.Globalization.CultureInfo.InvariantCulture))}; someone else changed it first.",
        inner)
{
    public const string CodeValue = "VERSION_CONFLICT";

    public string StreamId { get; } = streamId;

    /// <summary>The expectation, as text (a number, NoStream, StreamExists).</summary>
    public string Expected { get; } = expected;

    /// <summary>The stream's version when the append was tried (0 when it did not exist).</summary>
    public long Actual { get; } = actual;
}

/// <summary>
/// An import's explicit recorded time is earlier than the newest event's; recorded time may not go backwards along the
/// global order. Nothing of the session was written.
/// </summary>
public sealed class RecordedTimeException(string streamId, DateTimeOffset recordedAt, Exception? inner = null)
    : EventStoreException(CodeValue, $"Events for stream '{streamId}' cannot be recorded at {recordedAt:O}: newer events are already recorded.", inner)
{
    public const string CodeValue = "RECORDED_AT_BEFORE_HEAD";

    public string StreamId { get; } = streamId;

    public DateTimeOffset RecordedAt { get; } = recordedAt;
}
