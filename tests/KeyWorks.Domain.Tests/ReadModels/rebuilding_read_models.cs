using KeyWorks.Domain.Demo;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Domain.Tests.Demo;

namespace KeyWorks.Domain.Tests.ReadModels;

public sealed class rebuilding_read_models
{
    private static readonly DateTimeOffset[] Cutoffs =
    [
        new(2026, 2, 6, 12, 0, 0, BusinessCalendar.ChinaOffset),
        new(2026, 5, 31, 23, 0, 0, BusinessCalendar.ChinaOffset),
        new(2026, 6, 15, 12, 0, 0, BusinessCalendar.ChinaOffset),
        new(2026, 9, 5, 18, 0, 0, BusinessCalendar.ChinaOffset),
        DemoProgramme.Now,
    ];

    [Fact]
    public void a_rebuild_from_scratch_equals_the_live_model()
    {
        var live = KeyWorksReadModel.Empty;
        foreach (var envelope in DemoData.Envelopes)
            live = KeyWorksReadModel.Apply(live, envelope);
        var rebuilt = KeyWorksReadModel.Fold(DemoData.Envelopes);
        Assert.Equal(DemoData.Envelopes[^1].Position, live.Position);
        foreach (var at in Cutoffs)
            Assert.Equal(ReadModelViews.Json(rebuilt, at), ReadModelViews.Json(live, at));
    }

    [Fact]
    public void a_model_continued_from_a_snapshot_equals_one_folded_in_one_go()
    {
        var half = DemoData.Envelopes.Count / 2;
        var snapshot = KeyWorksReadModel.Fold(DemoData.Envelopes.Take(half));
        var continued = KeyWorksReadModel.Fold(snapshot, DemoData.Envelopes.Skip(half));
        Assert.Equal(ReadModelViews.Json(DemoData.Model, DemoProgramme.Now), ReadModelViews.Json(continued, DemoProgramme.Now));
    }

    [Fact]
    public void replaying_envelopes_already_folded_changes_nothing()
    {
        var replayed = KeyWorksReadModel.Fold(DemoData.Model, DemoData.Envelopes.Take(200));
        Assert.Same(DemoData.Model, replayed);
    }

    [Fact]
    public void the_model_as_of_a_past_time_equals_the_live_model_at_that_time()
    {
        var live = KeyWorksReadModel.Empty;
        var snapshots = new Dictionary<DateTimeOffset, KeyWorksReadModel>();
        var cutoffs = new Queue<DateTimeOffset>(Cutoffs);
        foreach (var envelope in DemoData.Envelopes)
        {
            while (cutoffs.Count > 0 && envelope.RecordedAt > cutoffs.Peek())
                snapshots[cutoffs.Dequeue()] = live;
            live = KeyWorksReadModel.Apply(live, envelope);
        }
        while (cutoffs.Count > 0)
            snapshots[cutoffs.Dequeue()] = live;

        foreach (var (at, snapshot) in snapshots)
            Assert.Equal(ReadModelViews.Json(snapshot, at), ReadModelViews.Json(KeyWorksReadModel.AsOf(DemoData.Envelopes, at), at));
    }

    [Fact]
    public void figures_as_of_a_past_date_ignore_what_was_recorded_later()
    {
        // 瑞庆's April amount was corrected on 8 June: the May bulletin (cut off 5 June) keeps the figure known then.
        var cutoff = new DateTimeOffset(2026, 6, 5, 18, 0, 0, BusinessCalendar.ChinaOffset);
        var may = new DateOnly(2026, 5, 31);
        var then = ProjectViews.Figures(KeyWorksReadModel.AsOf(DemoData.Envelopes, cutoff), may).Single(f => f.ProjectId == "rq");
        var now = ProjectViews.Figures(DemoData.Model, may).Single(f => f.ProjectId == "rq");
        Assert.Equal(3_000_000m, then.CumulativeCompleted - now.CumulativeCompleted);
        var earlier = KeyWorksReadModel.Fold(DemoData.Envelopes.Where(e => e.RecordedAt <= cutoff));
        Assert.Equal(Json.Of(then), Json.Of(ProjectViews.Figures(earlier, may).Single(f => f.ProjectId == "rq")));
    }
}
