using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Demo;

/// <summary>Writes one demo project's year as commands: registration, plan, nodes, monthly reports, corrections, status.</summary>
internal sealed partial class ProjectHistory(DemoProject spec, int index, Random random)
{
    private const int Year = DemoProgramme.Year;
    private static readonly DateOnly LastReach = new(Year, 11, 18);
    private static readonly decimal[] Weights = [0.4m, 0.3m, 0.8m, 1m, 1.1m, 1.2m, 1.1m, 1.1m, 1.2m, 1.1m, 1m, 0.7m];

    private readonly List<IssuedCommand> _commands = [];
    private readonly Actor _contractor = DemoPeople.UnitStaff(spec.ContractorUnit, spec.Id);
    private readonly Actor _office = DemoPeople.OfficeZhou;
    private readonly DateOnly _registeredOn = new(Year, 1, 6 + index % 4);

    public IReadOnlyList<IssuedCommand> Build()
    {
        Register();
        var plan = PlanCurve();
        Add(new SetAnnualPlan(spec.Id, Year, [.. plan.Select(Yuan)]), _office, DemoProgramme.At(1, 12 + index % 3, 10, index));
        PlanAndReachNodes();
        ReportMonths(plan);
        ChangeStatus(plan);
        return _commands;
    }

    private static decimal Yuan(decimal wan) => wan * 10_000m;

    private void Add(object command, Actor actor, DateTimeOffset at) => _commands.Add(new IssuedCommand(command, actor, at));

    private void Register()
    {
        var at = DemoProgramme.At(_registeredOn, 10, index);
        var details = new ProjectDetails(spec.Name, spec.Category, spec.Township, spec.Scale, Yuan(spec.TotalWan), Yuan(spec.PriorWan),
            spec.PlannedStart, spec.PlannedCompletion);
        Add(new RegisterProject(spec.Id, DemoProgramme.ProgrammeId, details), _office, at);
        Add(new AssignResponsibility(spec.Id, spec.LeaderId, DemoPeople.Leaders[spec.LeaderId], spec.LeadUnit, spec.ResponsibleUnit,
            [spec.ContractorUnit]), _office, at.AddMinutes(5));
    }

    private decimal[] PlanCurve()
    {
        if (spec.PlanWan is { } explicitPlan) return explicitPlan;
        var first = spec.PlannedStart.Year < Year ? 1 : spec.PlannedStart.Month;
        var last = spec.PlannedCompletion.Year == Year ? spec.PlannedCompletion.Month : 12;
        var sum = Weights[(first - 1)..last].Sum();
        var plan = new decimal[12];
        for (var m = first; m <= last; m++)
            plan[m - 1] = Math.Round(spec.AnnualPlanWan * Weights[m - 1] / sum, 0);
        plan[last - 1] += spec.AnnualPlanWan - plan.Sum();
        return plan;
    }

    private List<(string Id, string Name, int Sequence, DateOnly Planned)> ChainPlan()
    {
        var start = spec.PlannedStart;
        var end = spec.PlannedCompletion;
        var duration = end.DayNumber - start.DayNumber;
        DateOnly Planned(string id, DateOnly generated) => spec.Planned?.GetValueOrDefault(id) is { } d && d != default ? d : generated;
        var chain = new List<(string, string, int, DateOnly)>
        {
            (StandardNodes.Permits, "手续办理", 10, Planned(StandardNodes.Permits, start.AddDays(-75))),
            (StandardNodes.Land, "征迁交地", 20, Planned(StandardNodes.Land, start.AddDays(-30))),
            (StandardNodes.Start, "开工建设", 30, start),
            (StandardNodes.MainWorks, "主体完工", 40, Planned(StandardNodes.MainWorks, start.AddDays(duration * 7 / 10))),
            (StandardNodes.Acceptance, "竣工验收", 50, Planned(StandardNodes.Acceptance, end.AddDays(-30))),
            (StandardNodes.Operation, spec.Category == ProjectCategory.Industrial ? "投产达效" : "交付使用", 60, end),
        };
        foreach (var extra in spec.ExtraNodes ?? [])
            chain.Add((extra.NodeId, extra.Name, extra.Sequence, extra.Planned));
        return [.. chain.OrderBy(n => n.Item3)];
    }

    private DateOnly? ReachedOn(string nodeId, DateOnly planned)
    {
        if (spec.ExtraNodes?.FirstOrDefault(n => n.NodeId == nodeId) is { NodeId: not null } extra) return extra.Reached;
        if (spec.Reached is { } overrides && overrides.TryGetValue(nodeId, out var reached)) return reached;
        return planned.Year < Year ? planned : planned.AddDays(spec.NodeDelayDays);
    }

    private void PlanAndReachNodes()
    {
        var planAt = DemoProgramme.At(_registeredOn, 11, index);
        var chain = ChainPlan();
        foreach (var (id, name, sequence, planned) in chain)
            Add(new PlanNode(spec.Id, id, name, sequence, planned, spec.ResponsibleUnit), _office, planAt.AddMinutes(sequence));

        if (spec.Replan is { } replan)
        {
            var moved = chain.Where(n => n.Planned >= replan.On).OrderByDescending(n => n.Sequence);
            foreach (var node in moved)
            {
                Add(new ReplanNode(spec.Id, node.Id, node.Planned.AddDays(replan.Days), replan.Reason), _office,
                    DemoProgramme.At(replan.On, 15, 100 - node.Sequence));
            }
        }

        foreach (var (id, _, _, planned) in chain)
        {
            if (ReachedOn(id, planned) is not { } reached || reached > LastReach) continue;
            var reportOn = reached < _registeredOn.AddDays(1) ? _registeredOn.AddDays(1) : reached.AddDays(1);
            var reportAt = DemoProgramme.At(reportOn, 10, index);
            if (spec.Id == "lyl" && id == StandardNodes.Start)
            {
                // A contractor reporting the start before the permit date; the office sends it back.
                Add(new ReportNodeReached(spec.Id, id, reached.AddDays(-3), "已进场施工"), _contractor, reportAt.AddDays(-3));
                Add(new RejectNodeReport(spec.Id, id, "开工日期以施工许可证载明日期为准"), _office, reportAt.AddDays(-2));
            }
            Add(new ReportNodeReached(spec.Id, id, reached, null), _contractor, reportAt);
            Add(new ConfirmNodeReport(spec.Id, id), _office, reportAt.AddDays(2).AddHours(5));
        }
    }
}
