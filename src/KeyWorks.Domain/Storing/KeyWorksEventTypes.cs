using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;
using KeyWorks.EventStore;
using KeyWorks.EventStore.Events;
using StoreEnvelope = KeyWorks.EventStore.Events.EventEnvelope;

namespace KeyWorks.Domain.Storing;

/// <summary>
/// How the domain's events are stored: each type under a stable kebab-case name (the table never holds CLR names, so
/// a type may be renamed or moved freely; renaming a stored name needs an upcaster), serialised by
/// <see cref="KeyWorksJsonContext"/>, with the business date the event is about.
/// </summary>
public static class KeyWorksEventTypes
{
    /// <summary>The schema the server's store lives in.</summary>
    public const string Schema = "keyworks";

    /// <summary>Stream types, kept on each stream's row.</summary>
    public const string ProgrammeStream = "programme";
    public const string ProjectStream = "project";
    public const string ProblemStream = "problem";

    /// <summary>Store options with every domain event registered, in <paramref name="schema"/>.</summary>
    public static EventStoreOptions Options(string schema = Schema)
    {
        var options = new EventStoreOptions { Schema = schema };
        Register(options.Events);
        return options;
    }

    /// <summary>
    /// Registers every domain event type with its stored name and, where the event names one, its business date (a
    /// report's month end, a node's reached date, an inspection's date; the same as <see cref="Decider.BusinessDateOf"/>,
    /// which the command service passes with every event), and the JSON context.
    /// </summary>
    public static EventTypeRegistry Register(EventTypeRegistry events) => events
        .UseJsonContext(KeyWorksJsonContext.Default)
        .Register<ProgrammeRegistered>("programme-registered")
        .Register<ProjectRegistered>("project-registered")
        .Register<ProjectDetailsAmended>("project-details-amended")
        .Register<ResponsibilityAssigned>("responsibility-assigned")
        .Register<AnnualPlanSet>("annual-plan-set")
        .Register<AnnualPlanRevised>("annual-plan-revised")
        .Register<NodePlanned>("node-planned")
        .Register<NodeReplanned>("node-replanned")
        .Register<NodeReachedReported>("node-reached-reported", e => e.ReachedOn)
        .Register<NodeReportConfirmed>("node-report-confirmed", e => e.ReachedOn)
        .Register<NodeReportRejected>("node-report-rejected")
        .Register<InvestmentReported>("investment-reported", e => e.Month.LastDay)
        .Register<InvestmentReportConfirmed>("investment-report-confirmed", e => e.Month.LastDay)
        .Register<InvestmentReportRejected>("investment-report-rejected", e => e.Month.LastDay)
        .Register<InvestmentCorrected>("investment-corrected", e => e.Month.LastDay)
        .Register<PhysicalProgressReported>("physical-progress-reported", e => e.Month.LastDay)
        .Register<PhysicalProgressConfirmed>("physical-progress-confirmed", e => e.Month.LastDay)
        .Register<PhysicalProgressRejected>("physical-progress-rejected", e => e.Month.LastDay)
        .Register<ProjectSuspended>("project-suspended")
        .Register<ProjectResumed>("project-resumed")
        .Register<ProjectCompleted>("project-completed", e => e.CompletedOn)
        .Register<InspectionScored>("inspection-scored", e => e.InspectedOn)
        .Register<ProblemRaised>("problem-raised", e => BusinessCalendar.DateOf(e.RaisedAt))
        .Register<ProblemAssigned>("problem-assigned", e => BusinessCalendar.DateOf(e.AssignedAt))
        .Register<ProblemAccepted>("problem-accepted", e => BusinessCalendar.DateOf(e.AcceptedAt))
        .Register<ProblemHandled>("problem-handled", e => BusinessCalendar.DateOf(e.HandledAt))
        .Register<ProblemClosed>("problem-closed", e => BusinessCalendar.DateOf(e.ClosedAt))
        .Register<ProblemReopened>("problem-reopened", e => BusinessCalendar.DateOf(e.ReopenedAt))
        .Register<ProblemEscalated>("problem-escalated", e => BusinessCalendar.DateOf(e.EscalatedAt));

    /// <summary>The stream type of a stream a command writes to.</summary>
    public static string StreamTypeOf(IDomainEvent @event) => @event switch
    {
        IProgrammeEvent => ProgrammeStream,
        IProblemEvent => ProblemStream,
        _ => ProjectStream,
    };

    /// <summary>
    /// The domain's view of a stored event; null for an event the domain does not know (read as JSON), which the
    /// read models skip. The recorded time is given in China time (the same instant as stored); without a stored business
    /// date, its date in China is used.
    /// </summary>
    public static ReadModels.EventEnvelope? ToDomain(StoreEnvelope stored) => stored.Data is IDomainEvent @event
        ? new ReadModels.EventEnvelope(@event, stored.StreamId, stored.Position, stored.RecordedAt.ToOffset(BusinessCalendar.ChinaOffset),
            stored.BusinessDate ?? BusinessCalendar.DateOf(stored.RecordedAt), stored.User ?? "")
        : null;
}
