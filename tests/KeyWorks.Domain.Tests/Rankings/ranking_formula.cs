using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Rankings;

namespace KeyWorks.Domain.Tests.Rankings;

public sealed class ranking_formula
{
    private static readonly RankingFormula Formula = new();

    private static RankingInputs Inputs(decimal planned, decimal done, int nodesDue, int nodesMet, int problemsDue, int closedOnTime,
        params decimal[] scores) => new(planned, done, nodesDue, nodesMet, problemsDue, closedOnTime, scores);

    [Fact]
    public void the_score_is_the_weighted_mean_of_the_four_components()
    {
        // completion 80/100 = 80; nodes 3/4 = 75; problems 1/2 = 50; inspection (90 + 80)/2 = 85.
        // 0.40 × 80 + 0.25 × 75 + 0.15 × 50 + 0.20 × 85 = 32 + 18.75 + 7.5 + 17 = 75.25.
        var (completion, punctuality, closing, inspection, score) = RankingCalculator.Score(Inputs(100, 80, 4, 3, 2, 1, 90, 80), Formula);
        Assert.Equal((80m, 75m, 50m, 85m), (completion, punctuality, closing, inspection!.Value));
        Assert.Equal(75.25m, score);
    }

    [Fact]
    public void without_an_inspection_the_other_weights_are_rescaled()
    {
        // (32 + 18.75 + 7.5) / 0.80 = 72.8125 → 72.81.
        Assert.Equal(72.81m, RankingCalculator.Score(Inputs(100, 80, 4, 3, 2, 1), Formula).Score);
    }

    [Fact]
    public void completion_above_time_progress_counts_as_full_marks_and_nothing_due_is_full_marks()
    {
        var parts = RankingCalculator.Score(Inputs(100, 150, 0, 0, 0, 0), Formula);
        Assert.Equal((100m, 100m, 100m, 100m), (parts.Completion, parts.Punctuality, parts.ProblemClosing, parts.Score));
    }

    [Fact]
    public void the_best_get_a_red_flag_and_the_worst_a_black_flag()
    {
        var table = RankingCalculator.Rank([
            ("b", "乙", Inputs(100, 50, 0, 0, 0, 0)),
            ("a", "甲", Inputs(100, 100, 0, 0, 0, 0)),
            ("c", "丙", Inputs(100, 10, 0, 0, 0, 0)),
        ], Formula);
        Assert.Equal(["a", "b", "c"], table.Select(e => e.Key));
        Assert.Equal([1, 2, 3], table.Select(e => e.Rank));
        Assert.Equal([Flag.Red, Flag.None, Flag.Black], table.Select(e => e.Flag));
    }

    [Fact]
    public void with_no_more_entries_than_flags_none_is_awarded()
    {
        var table = RankingCalculator.Rank([("a", "甲", Inputs(100, 100, 0, 0, 0, 0)), ("b", "乙", Inputs(100, 10, 0, 0, 0, 0))], Formula);
        Assert.All(table, e => Assert.Equal(Flag.None, e.Flag));
    }

    [Fact]
    public void ties_are_ordered_by_key()
    {
        var table = RankingCalculator.Rank([
            ("z", "z", Inputs(100, 90, 0, 0, 0, 0)), ("m", "m", Inputs(100, 90, 0, 0, 0, 0)), ("a", "a", Inputs(100, 90, 0, 0, 0, 0)),
        ], Formula);
        Assert.Equal(["a", "m", "z"], table.Select(e => e.Key));
    }

    [Fact]
    public void flag_counts_come_from_the_formula()
    {
        var formula = Formula with { RedFlags = 2, BlackFlags = 1 };
        var rows = Enumerable.Range(1, 4).Select(i => ($"p{i}", $"p{i}", Inputs(100, 100 - i * 10, 0, 0, 0, 0)));
        Assert.Equal([Flag.Red, Flag.Red, Flag.None, Flag.Black], RankingCalculator.Rank(rows, formula).Select(e => e.Flag));
    }

    [Fact]
    public void unit_inputs_are_the_sums_of_their_projects()
    {
        var sum = Inputs(100, 80, 4, 3, 2, 1, 90) + Inputs(300, 60, 2, 2, 0, 0, 70);
        Assert.Equal((400m, 140m, 6, 5, 2, 1), (sum.PlannedToDate, sum.AnnualCompleted, sum.NodesDue, sum.NodesMet, sum.ProblemsDue, sum.ProblemsClosedOnTime));
        Assert.Equal([90m, 70m], sum.InspectionScores);
        Assert.Equal(35m, RankingCalculator.Score(sum, Formula).Completion);
    }
}
