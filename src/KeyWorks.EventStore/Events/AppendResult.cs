namespace KeyWorks.EventStore.Events;

/// <summary>What one stream's append wrote (or, for a repeated idempotency key, what the first append wrote).</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="FirstVersion">Version of the first event appended.</param>
/// <param name="LastVersion">Version of the last event appended: the stream's version after the append.</param>
/// <param name="FirstPosition">Global position of the first event appended.</param>
/// <param name="LastPosition">Global position of the last event appended.</param>
/// <param name="Duplicate">True when the idempotency key had been used on this stream before and nothing new was written.</param>
public sealed record AppendResult(string StreamId, long FirstVersion, long LastVersion, long FirstPosition, long LastPosition, bool Duplicate);
