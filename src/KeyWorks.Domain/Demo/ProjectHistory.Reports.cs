using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Demo;

internal sealed partial class ProjectHistory
{
    private void ReportMonths(decimal[] plan)
    {
        var reported = new Dictionary<int, decimal>();
        var correction = spec.Correction;
        var physical = 0m;
        var actualStartMonth = ActualStartMonth();
        for (var m = 1; m <= 10; m++)
        {
            var month = new YearMonth(Year, m);
            var late = spec.LateMonths.Contains(m);
            // Due by the 25th of the month itself: on time on the 18th–21st, late ones in the middle of the next month.
            var reportOn = late ? month.AddMonths(1).FirstDay.AddDays(11 + random.Next(0, 5)) : month.FirstDay.AddDays(17 + random.Next(0, 4));
            var reportAt = DemoProgramme.At(reportOn, 9 + random.Next(0, 3), random.Next(0, 60));

            if (correction is { } c && c.On < reportOn && reported.ContainsKey(c.Month))
            {
                Correct(c, reported);
                correction = null;
            }
            if (!TakesReportsOn(reportOn)) continue;

            var actual = Actual(plan, m, actualStartMonth);
            var previous = Yuan(spec.PriorWan) + reported.Values.Sum();
            string? note = null;
            if (previous + actual > Yuan(spec.TotalWan))
            {
                if (spec.OverTotalReason is null) actual = Math.Max(0, Yuan(spec.TotalWan) - previous);
                else note = spec.OverTotalReason;
            }
            var cumulative = previous + actual;

            if (spec.RejectedMonth == m)
            {
                var inflated = actual + Yuan(200);
                Add(new ReportInvestment(spec.Id, month, inflated, previous + inflated, note), _contractor, reportAt);
                Add(new RejectInvestmentReport(spec.Id, month, "与统计联网直报数据不一致，请核实后重报"), _office, reportAt.AddDays(1));
                reportAt = reportAt.AddDays(2);
            }
            Add(new ReportInvestment(spec.Id, month, actual, cumulative, note), _contractor, reportAt);
            reported[m] = actual;

            var percent = spec.PhysicalPercents is { } explicitPercents && m <= explicitPercents.Length
                ? explicitPercents[m - 1]
                : Math.Min(99m, Math.Round(cumulative / Yuan(spec.TotalWan) * 100m * spec.PhysicalBias, 0));
            physical = Math.Max(physical, percent);
            Add(new ReportPhysicalProgress(spec.Id, month, physical, Narrative(m, physical)), _contractor, reportAt.AddMinutes(5));

            // A late October report still awaits the office's check on "today".
            if (late && m == 10) continue;
            var confirmAt = DemoProgramme.At(reportOn.AddDays(1 + random.Next(0, 2)), 15, index);
            if (spec.RejectedMonth == m) confirmAt = confirmAt.AddDays(2);
            Add(new ConfirmInvestmentReport(spec.Id, month), _office, confirmAt);
            Add(new ConfirmPhysicalProgress(spec.Id, month), _office, confirmAt.AddMinutes(2));
        }
    }

    private void Correct((int Month, decimal DeltaWan, DateOnly On, bool ByOffice, string Reason) c, Dictionary<int, decimal> reported)
    {
        var corrected = reported[c.Month] + Yuan(c.DeltaWan);
        var at = DemoProgramme.At(c.On, 10, index);
        Add(new CorrectInvestment(spec.Id, new YearMonth(Year, c.Month), corrected, c.Reason), c.ByOffice ? _office : _contractor, at);
        if (!c.ByOffice) Add(new ConfirmInvestmentReport(spec.Id, new YearMonth(Year, c.Month)), _office, at.AddDays(1));
        reported[c.Month] = corrected;
    }

    private bool TakesReportsOn(DateOnly reportOn)
    {
        if (spec.Suspension is { } s && reportOn >= s.From && reportOn <= s.To) return false;
        return spec.CompletesOn is not { } done || reportOn <= done.AddDays(8);
    }

    private int ActualStartMonth()
    {
        var start = spec.PlannedStart.Year < Year ? spec.PlannedStart : spec.PlannedStart.AddDays(spec.NodeDelayDays + (spec.Replan?.Days ?? 0) / 8);
        if (spec.Reached is { } r && r.TryGetValue(StandardNodes.Start, out var reached)) start = reached ?? DateOnly.MaxValue;
        return start.Year < Year ? 1 : start.Year > Year ? 13 : start.Month;
    }

    private decimal Actual(decimal[] plan, int m, int actualStartMonth)
    {
        if (spec.ActualWan is { } explicitActual && m <= explicitActual.Length) return Yuan(explicitActual[m - 1]);
        var noise = 0.85m + (decimal)random.NextDouble() * 0.3m;
        var pace = m < actualStartMonth ? 0.3m : spec.Pace;
        return Yuan(Math.Round(plan[m - 1] * pace * noise, 0));
    }

    private string Narrative(int month, decimal percent)
    {
        if (spec.Narratives?.GetValueOrDefault(month) is { } text) return text;
        var stage = percent switch
        {
            < 5 => "前期手续办理及场地准备",
            < 25 => "基础施工",
            < 60 => "主体结构施工",
            < 90 => "主体基本完工，附属及安装工程施工",
            _ => "收尾及竣工验收准备",
        };
        return $"{month}月：{stage}，累计完成形象进度{percent:0}%";
    }

    private void ChangeStatus(decimal[] plan)
    {
        if (spec.Id == "lyl")
        {
            var details = new ProjectDetails(spec.Name, spec.Category, spec.Township, "全长1920米，含交叉口渠化", Yuan(spec.TotalWan),
                Yuan(spec.PriorWan), spec.PlannedStart, spec.PlannedCompletion);
            Add(new AmendProjectDetails(spec.Id, details, "设计优化，道路延长并增加交叉口渠化"), _office, DemoProgramme.At(3, 10, 11));
        }
        if (spec.Id == "smzx")
        {
            var revised = plan.Select((amount, i) => Yuan(i < 6 ? amount : Math.Round(amount / 2, 0))).ToList();
            Add(new ReviseAnnualPlan(spec.Id, Year, revised, "征地未完成，调减下半年投资计划"), _office, DemoProgramme.At(7, 15, 16));
        }
        if (spec.Suspension is { } s)
        {
            Add(new SuspendProject(spec.Id, s.Reason), _office, DemoProgramme.At(s.From, 10));
            Add(new ResumeProject(spec.Id, "融资落实，恢复建设"), _office, DemoProgramme.At(s.To, 10));
        }
        if (spec.CompletesOn is { } done)
            Add(new CompleteProject(spec.Id, done), _office, DemoProgramme.At(done.AddDays(9), 10));
    }
}
