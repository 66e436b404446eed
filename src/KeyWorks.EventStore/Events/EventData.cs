namespace KeyWorks.EventStore.Events;

/// <summary>
/// An event to append with the details that are not part of its body. Appending a bare object is the same as
/// appending <c>new EventData(obj)</c>; the business date then comes from the type's registration, if any.
/// </summary>
/// <param name="Data">The event.</param>
/// <param name="BusinessDate">The date the event is about.</param>
/// <param name="EventId">An id chosen by the caller; a new version-7 GUID when null.</param>
public sealed record EventData(object Data, DateOnly? BusinessDate = null, Guid? EventId = null);
