namespace KeyWorks.Domain.ReadModels;

/// <summary>
/// An event as the read models see it: what happened, in which stream, its global position, when it was recorded,
/// the business date it is about, and who recorded it. The store's envelopes map onto this.
/// </summary>
public sealed record EventEnvelope(
    IDomainEvent Event,
    string StreamId,
    long Position,
    DateTimeOffset RecordedAt,
    DateOnly BusinessDate,
    string UserId);
