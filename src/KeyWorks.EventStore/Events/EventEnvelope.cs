namespace KeyWorks.EventStore.Events;

/// <summary>One stored event with its place in the global order, its stream and its metadata.</summary>
/// <param name="Position">Global position: gap-free, starts at 1, in commit order.</param>
/// <param name="StreamId">The stream the event belongs to.</param>
/// <param name="Version">The event's version in its stream: gap-free, starts at 1.</param>
/// <param name="EventId">A unique id for the event.</param>
/// <param name="TypeName">The registered name of the event type, as stored.</param>
/// <param name="Data">The event, deserialised to its registered type (a <see cref="System.Text.Json.JsonElement"/> when the name is unknown).</param>
/// <param name="RecordedAt">When the database recorded it; non-decreasing along the global order.</param>
/// <param name="BusinessDate">The date the event is about, if it has one.</param>
/// <param name="User">Who caused it.</param>
/// <param name="CorrelationId">Ties together everything caused by one request.</param>
/// <param name="CausationId">What directly caused it.</param>
/// <param name="IdempotencyKey">The key of the append that wrote it, if any.</param>
public sealed record EventEnvelope(
    long Position,
    string StreamId,
    long Version,
    Guid EventId,
    string TypeName,
    object Data,
    DateTimeOffset RecordedAt,
    DateOnly? BusinessDate,
    string? User,
    string? CorrelationId,
    string? CausationId,
    string? IdempotencyKey);
