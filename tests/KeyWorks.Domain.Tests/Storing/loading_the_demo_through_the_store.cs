using KeyWorks.Domain.Demo;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Domain.Storing;
using KeyWorks.Domain.Tests.Demo;
using KeyWorks.Domain.Tests.ReadModels;
using KeyWorks.EventStore.Events;

namespace KeyWorks.Domain.Tests.Storing;

public sealed class loading_the_demo_through_the_store(LoadedDemoStore demo) : IClassFixture<LoadedDemoStore>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset[] Cutoffs =
    [
        new(2026, 2, 6, 12, 0, 0, BusinessCalendar.ChinaOffset),
        new(2026, 5, 31, 23, 0, 0, BusinessCalendar.ChinaOffset),
        new(2026, 9, 5, 18, 0, 0, BusinessCalendar.ChinaOffset),
    ];

    [Fact]
    public async Task the_demo_programme_loads_through_the_command_service_with_no_rejection()
    {
        Assert.Empty(demo.Result.Rejections);
        Assert.False(demo.Result.Skipped);
        Assert.Equal(DemoProgramme.Commands().Count, demo.Result.Appended);
        Assert.Equal(DemoData.Envelopes.Count, await demo.Store.GetHeadPositionAsync(Ct));
        TestContext.Current.SendDiagnosticMessage($"demo load: {demo.Result.Commands} commands, {DemoData.Envelopes.Count} events in {demo.LoadTime.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task the_stored_events_carry_the_demo_users_recorded_times_and_business_dates()
    {
        var stored = await demo.Store.QueryEventsAsync(new EventQuery(), Ct);
        Assert.Equal(DemoData.Envelopes.Select(e => (e.StreamId, e.Position, e.RecordedAt, e.UserId, e.BusinessDate)),
            stored.Select(e => (e.StreamId, e.Position, e.RecordedAt, e.User!, e.BusinessDate!.Value)));
        var reported = Assert.IsType<InvestmentReported>(stored.First(e => e.TypeName == "investment-reported").Data);
        Assert.Equal(reported.Month.LastDay, stored.First(e => e.TypeName == "investment-reported").BusinessDate);
    }

    [Fact]
    public async Task the_read_model_folded_from_the_store_equals_the_in_memory_run_of_the_demo()
    {
        var rebuilt = await LiveReadModel.RebuildAsync(demo.Store, Ct);
        Assert.Equal(ReadModelViews.Whole(DemoData.Model), ReadModelViews.Whole(rebuilt));
        Assert.Equal(ReadModelViews.Json(DemoData.Model, DemoProgramme.Now), ReadModelViews.Json(rebuilt, DemoProgramme.Now));
    }

    [Fact]
    public async Task rebuilding_from_the_events_gives_exactly_the_live_read_model()
    {
        var head = await demo.Store.GetHeadPositionAsync(Ct);
        await demo.Live.WaitForAsync(head, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var rebuilt = await LiveReadModel.RebuildAsync(demo.Store, Ct);
        Assert.Equal(head, demo.Live.Current.Position);
        Assert.Equal(ReadModelViews.Whole(rebuilt), ReadModelViews.Whole(demo.Live.Current));
    }

    [Fact]
    public async Task the_read_model_as_of_a_past_recorded_time_is_the_fold_of_only_the_events_recorded_up_to_then()
    {
        var stored = await demo.Store.QueryEventsAsync(new EventQuery(), Ct);
        foreach (var cutoff in Cutoffs)
        {
            var asOf = await LiveReadModel.AsOfAsync(demo.Store, cutoff, Ct);
            var folded = KeyWorksReadModel.Fold(stored.Where(e => e.RecordedAt <= cutoff).Select(e => KeyWorksEventTypes.ToDomain(e)!));

            Assert.True(asOf.Position < stored.Count);
            Assert.Equal(ReadModelViews.Whole(folded), ReadModelViews.Whole(asOf));
            Assert.Equal(ReadModelViews.Json(KeyWorksReadModel.AsOf(DemoData.Envelopes, cutoff), cutoff), ReadModelViews.Json(asOf, cutoff));
        }
    }

    [Fact]
    public async Task models_as_of_a_time_are_kept_by_position_and_equal_the_fold()
    {
        var models = new AsOfReadModels(demo.Store, demo.Live);
        foreach (var cutoff in Cutoffs)
        {
            var kept = await models.AsOfAsync(cutoff, Ct);

            Assert.Same(kept, await models.AsOfAsync(cutoff, Ct));
            Assert.Equal(ReadModelViews.Whole(await LiveReadModel.AsOfAsync(demo.Store, cutoff, Ct)), ReadModelViews.Whole(kept));
        }

        // A time at or after the newest event is the live model itself.
        await demo.Live.WaitForAsync(await demo.Store.GetHeadPositionAsync(Ct), Ct);
        Assert.Same(demo.Live.Current, await models.AsOfAsync(DateTimeOffset.UtcNow.AddYears(5), Ct));
    }

    [Fact]
    public async Task loading_the_demo_again_appends_nothing()
    {
        var head = await demo.Store.GetHeadPositionAsync(Ct);
        var again = await DemoLoader.LoadAsync(demo.Commands, null, Ct);

        Assert.True(again.Skipped);
        Assert.Equal(head, await demo.Store.GetHeadPositionAsync(Ct));
    }
}
