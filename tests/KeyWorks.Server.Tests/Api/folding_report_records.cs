using System.Collections.Immutable;
using KeyWorks.Domain;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Server.Api;

namespace KeyWorks.Server.Tests.Api;

/// <summary>How report events fold into report records (in process, no server).</summary>
public sealed class folding_report_records
{
    private static readonly YearMonth March = new(2027, 3);
    private static readonly DateTimeOffset Day = new(2027, 4, 3, 9, 0, 0, TimeSpan.FromHours(8));

    private static ImmutableList<ReportRecord> Fold(params (long Position, string User, IDomainEvent Event)[] events) =>
        events.Aggregate(ImmutableList<ReportRecord>.Empty, (reports, e) =>
            ReportChanges.Apply(reports, new EventEnvelope(e.Event, "p1", e.Position, Day.AddMinutes(e.Position), March.LastDay, e.User)));

    [Fact]
    public void a_month_rejected_and_reported_again_is_two_reports_and_only_the_second_is_decided_next()
    {
        var reports = Fold(
            (10, "staff", new InvestmentReported("p1", March, 100m, 1100m, "staff", null)),
            (11, "office", new InvestmentReportRejected("p1", March, "缺少签认", "office")),
            (12, "staff", new InvestmentReported("p1", March, 90m, 1090m, "staff", null)),
            (13, "office", new InvestmentReportConfirmed("p1", March, 90m, "office")));

        Assert.Equal(["REJECTED", "CONFIRMED"], reports.Select(r => r.Status));
        Assert.Equal("缺少签认", reports[0].RejectionReason);
        Assert.Equal(["InvestmentReport:p1/10", "InvestmentReport:p1/12"], reports.Select(r => r.Id));
        Assert.Equal(("office", 13L), (reports[1].DecidedBy!, reports[1].DecidedPosition!.Value));
    }

    [Fact]
    public void as_of_a_position_before_its_decision_a_report_is_pending_and_before_its_submission_absent()
    {
        var report = Fold(
            (20, "staff", new PhysicalProgressReported("p1", March, 40m, "路基完成", "staff")),
            (25, "office", new PhysicalProgressConfirmed("p1", March, 40m, "office")))[0];

        Assert.Null(report.At(19));
        Assert.Equal(("PENDING", (string?)null), (report.At(24)!.Status, report.At(24)!.DecidedBy));
        Assert.Equal("CONFIRMED", report.At(25)!.Status);
    }

    [Fact]
    public void an_office_correction_is_a_confirmed_report_with_the_cumulative_following_the_new_amount()
    {
        var reports = Fold(
            (30, "staff", new InvestmentReported("p1", March, 100m, 1100m, "staff", null)),
            (31, "office", new InvestmentReportConfirmed("p1", March, 100m, "office")),
            (32, "office", new InvestmentCorrected("p1", March, 100m, 80m, "监理复核", "office", Official: true)));

        var correction = reports[^1];
        Assert.True(correction.IsCorrection);
        Assert.Equal("CONFIRMED", correction.Status);
        Assert.Equal(1080m, correction.Cumulative);
        Assert.Equal("监理复核", correction.Note);
    }

    [Fact]
    public void a_node_report_is_decided_by_its_node()
    {
        var reports = Fold(
            (40, "staff", new NodeReachedReported("p1", "start", new DateOnly(2027, 4, 1), "staff", null)),
            (41, "staff", new NodeReachedReported("p1", "permits", new DateOnly(2027, 3, 1), "staff", null)),
            (42, "office", new NodeReportConfirmed("p1", "permits", new DateOnly(2027, 3, 1), "office")));

        Assert.Equal(["PENDING", "CONFIRMED"], reports.Select(r => r.Status));
    }
}
