using System.Text.Json;
using System.Text.Json.Serialization;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Storing;

/// <summary>
/// Source-generated serialisation of the domain's events (no reflection): camelCase names, enums by name, months as
/// <c>"yyyy-MM"</c>, money as JSON numbers (PostgreSQL <c>jsonb</c> keeps every decimal digit).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, Converters = [typeof(YearMonthJsonConverter)])]
[JsonSerializable(typeof(ProgrammeRegistered))]
[JsonSerializable(typeof(ProjectRegistered))]
[JsonSerializable(typeof(ProjectDetailsAmended))]
[JsonSerializable(typeof(ResponsibilityAssigned))]
[JsonSerializable(typeof(AnnualPlanSet))]
[JsonSerializable(typeof(AnnualPlanRevised))]
[JsonSerializable(typeof(NodePlanned))]
[JsonSerializable(typeof(NodeReplanned))]
[JsonSerializable(typeof(NodeReachedReported))]
[JsonSerializable(typeof(NodeReportConfirmed))]
[JsonSerializable(typeof(NodeReportRejected))]
[JsonSerializable(typeof(InvestmentReported))]
[JsonSerializable(typeof(InvestmentReportConfirmed))]
[JsonSerializable(typeof(InvestmentReportRejected))]
[JsonSerializable(typeof(InvestmentCorrected))]
[JsonSerializable(typeof(PhysicalProgressReported))]
[JsonSerializable(typeof(PhysicalProgressConfirmed))]
[JsonSerializable(typeof(PhysicalProgressRejected))]
[JsonSerializable(typeof(ProjectSuspended))]
[JsonSerializable(typeof(ProjectResumed))]
[JsonSerializable(typeof(ProjectCompleted))]
[JsonSerializable(typeof(InspectionScored))]
[JsonSerializable(typeof(ProblemRaised))]
[JsonSerializable(typeof(ProblemAssigned))]
[JsonSerializable(typeof(ProblemAccepted))]
[JsonSerializable(typeof(ProblemHandled))]
[JsonSerializable(typeof(ProblemClosed))]
[JsonSerializable(typeof(ProblemReopened))]
[JsonSerializable(typeof(ProblemEscalated))]
public sealed partial class KeyWorksJsonContext : JsonSerializerContext;
