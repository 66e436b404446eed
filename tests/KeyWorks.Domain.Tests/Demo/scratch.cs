using KeyWorks.Domain.Demo;
using KeyWorks.Domain.Figures;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Domain.Rankings;

namespace KeyWorks.Domain.Tests.Demo;

public sealed class demo_summary
{
    [Fact]
    public void summary()
    {
        var run = CommandRun.Execute(DemoProgramme.Commands());
        var model = KeyWorksReadModel.Fold(run.Envelopes);
        var lines = new List<string> { $"commands {DemoProgramme.Commands().Count} events {run.Envelopes.Count}" };
        foreach (var f in ProjectViews.Figures(model, DemoProgramme.Today))
            lines.Add($"{f.ProjectId,-5} {f.Status} plan {f.AnnualPlan/10000m,8:0} ptd {f.PlannedToDate/10000m,8:0} done {f.AnnualCompleted/10000m,8:0} cum {f.CumulativeCompleted/10000m,8:0} rate {f.AnnualCompletionRate} time {f.TimeProgress} gap {f.ProgressGap} tot {f.TotalCompletionRate} phys {f.PhysicalPercent} mm {f.ProgressMismatch} st {f.Started}/{f.PlannedToStart} nodes {f.NodesMet}/{f.NodesDue} od {f.NodesOverdue} {f.Light} spi {f.EarnedValue.Spi} cpi {f.EarnedValue.Cpi} spit {f.EarnedValue.SpiT} ff {f.EarnedValue.ForecastFinish} | {string.Join(";", f.LightReasons)}");
        var zj = ProjectViews.Figures(model, new DateOnly(2026, 5, 31)).Single(f => f.ProjectId == "zjdd");
        lines.Add($"zjdd May: cum {zj.CumulativeCompleted} tot {zj.TotalCompletionRate}");
        var board = ProblemBoards.Build(model, DemoProgramme.Now);
        lines.Add($"board raised {board.Raised} assigned {board.Assigned} closed {board.Closed} open {board.Open} overdue {board.Overdue} esc {board.Escalated}");
        foreach (var c in board.Cards) lines.Add($"  {c.ProblemId} {c.Stage} overdue [{string.Join(",", c.OverdueStages)}] esc [{string.Join(",", c.EscalatedStages)}]");
        var q3 = RankingCalculator.Quarterly(model, 2026, 3, null, p => p.Details.Category == KeyWorks.Domain.Projects.ProjectCategory.ResettlementHousing);
        foreach (var e in q3.Projects) lines.Add($"  Q3 {e.Rank} {e.Key} {e.Completion} {e.Punctuality} {e.ProblemClosing} {e.Inspection} = {e.Score} {e.Flag}");
        var oct = RankingCalculator.Monthly(model, new YearMonth(2026, 10));
        foreach (var e in oct.Units) lines.Add($"  unit {e.Rank} {e.Key} {e.Score} {e.Flag}");
        foreach (var g in GroupFigureCalculator.By(GroupBy.Programme, ProjectViews.Figures(model, DemoProgramme.Today)))
            lines.Add($"prog {g.Key} rate {g.AnnualCompletionRate} time {g.TimeProgress} start {g.StartedOfPlanned}/{g.PlannedToStart} nodes {g.NodesMet}/{g.NodesDue} G{g.Green} Y{g.Yellow} R{g.Red}");
        Assert.Fail(string.Join("\n", lines));
    }
}
