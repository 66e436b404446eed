using System.Globalization;
using System.Text.Json;
using KeyWorks.Domain;
using KeyWorks.Domain.Demo;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Api;

/// <summary>
/// A demo server whose clock starts at noon on the demo's last day (21 November 2026, China time), so figures, clocks
/// and "now" are the same whenever the tests run.
/// </summary>
public sealed class DemoAtNoon(PostgresClusterFixture cluster) : DemoServer(cluster)
{
    public const string ClockStart = "2026-11-21T12:00:00+08:00";

    public static readonly DateTimeOffset Noon = DateTimeOffset.Parse(ClockStart, CultureInfo.InvariantCulture);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["KeyWorks__Clock__Start"] = ClockStart };
}

/// <summary>Read-only tests that share one <see cref="DemoAtNoon"/> server.</summary>
[CollectionDefinition(Name)]
public sealed class ReadOnlyDemo : ICollectionFixture<DemoAtNoon>
{
    public const string Name = "reads on one demo server at noon";
}

/// <summary>
/// What the tests expect, computed here from the demo's commands (run in memory through the domain's decisions and
/// folded) with the published rules written out again — not with the server's figure code.
/// </summary>
public static class DemoFacts
{
    private static readonly Lazy<IReadOnlyList<EventEnvelope>> Envelopes = new(() => CommandRun.Execute(DemoProgramme.Commands()).Envelopes);

    /// <summary>The model as recorded up to <paramref name="at"/>.</summary>
    public static KeyWorksReadModel ModelAt(DateTimeOffset at) => KeyWorksReadModel.Fold(Envelopes.Value.Where(e => e.RecordedAt <= at));

    /// <summary>The month figures count through on a date: its own month on its last day, else the month before.</summary>
    public static YearMonth ReportingMonth(DateOnly date) =>
        date.AddDays(1).Month != date.Month ? new YearMonth(date.Year, date.Month) : new YearMonth(date.Year, date.Month).AddMonths(-1);

    public static decimal AnnualPlan(ProjectState p, int year) => p.Plans.TryGetValue(year, out var plan) ? plan.Monthly.Sum() : 0m;

    public static decimal PlannedThrough(ProjectState p, YearMonth month) =>
        p.Plans.TryGetValue(month.Year, out var plan) ? plan.Monthly.Take(month.Month).Sum() : 0m;

    /// <summary>Confirmed amounts of the months of <paramref name="month"/>'s year up to it.</summary>
    public static decimal CompletedThisYear(ProjectState p, YearMonth month) =>
        p.Investment.Values.Where(m => m.Month.Year == month.Year && m.Month <= month).Sum(m => m.ConfirmedInMonth ?? 0m);

    public static decimal CompletedSinceStart(ProjectState p, YearMonth month) =>
        p.Details.PriorCompletedInvestment + p.Investment.Values.Where(m => m.Month <= month).Sum(m => m.ConfirmedInMonth ?? 0m);

    public static decimal Rate(decimal part, decimal whole) =>
        whole == 0 ? 0m : Math.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>The 1-6-10 rule: a stage not done by its due time (accept +1 day, handle +6, close at the deadline's end).</summary>
    public static bool RunningLate(ProblemState p, DateTimeOffset at)
    {
        if (p.ClockStart is not { } start || p.Stage == ProblemStage.Closed)
        {
            return false;
        }

        var close = p.Deadline is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)) : start.AddDays(10);
        var accept = start.AddDays(1) < close ? start.AddDays(1) : close;
        var handle = start.AddDays(6) < close ? start.AddDays(6) : close;
        return (p.AcceptedAt is null && at > accept) || (p.HandledAt is null && at > handle) || at > close;
    }

    public static decimal Amount(JsonElement value) =>
        decimal.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string? Code(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;
}
