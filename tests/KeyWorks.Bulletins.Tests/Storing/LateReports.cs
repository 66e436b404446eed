using KeyWorks.Domain;
using KeyWorks.Domain.Demo;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.Storing;

namespace KeyWorks.Bulletins.Tests.Storing;

/// <summary>
/// Reports about a month recorded after its cutoff, at instants the test chooses (the store's trusted recorded time,
/// one minute apart from <c>recordedFrom</c>): an office correction of an amount, a node reached within the month and
/// confirmed late, a physical progress of the month reported and confirmed late. The projects are picked from the
/// stored state, so the test does not depend on the demo's details.
/// </summary>
internal sealed record LateReports(
    string InvestmentProject, decimal OldAmount, decimal NewAmount, string Reason,
    string NodeProject, string NodeName, string ProgressProject, decimal ProgressPercent)
{
    public static async Task<LateReports> RecordAsync(DemoDatabase db, YearMonth month, DateTimeOffset recordedFrom, CancellationToken ct)
    {
        var at = recordedFrom;
        Task Record(object command, Actor actor, string key)
        {
            at += TimeSpan.FromMinutes(1);
            return db.Commands.ImportAsync(new IssuedCommand(command, actor, at), key, ct);
        }

        var model = await LiveReadModel.RebuildAsync(db.Events, ct);
        var projects = model.Projects.Values.Select(p => p.State)
            .Where(p => p.ProgrammeId == DemoProgramme.ProgrammeId && p.Responsibility is not null).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var office = DemoPeople.OfficeZhou;
        const string reason = "统计口径调整更正";

        var invested = projects.First(p => p.Investment.GetValueOrDefault(month)?.ConfirmedInMonth is > 0m);
        var oldAmount = invested.Investment[month].ConfirmedInMonth!.Value;
        var newAmount = oldAmount + 1_230_000m;
        await Record(new CorrectInvestment(invested.Id, month, newAmount, reason), office, "late-investment");

        (string Project, string Node)? node = null;
        foreach (var p in projects)
        {
            foreach (var n in p.Nodes.Values.Where(n => n.ReachedOn is null && n.Pending is null && n.Deadline <= month.LastDay).OrderBy(n => n.Sequence))
            {
                try
                {
                    var staff = DemoPeople.UnitStaff(p.Responsibility!.Contractors[0], p.Id);
                    await Record(new ReportNodeReached(p.Id, n.NodeId, month.LastDay, "补报"), staff, $"late-node-{p.Id}-{n.NodeId}");
                    await Record(new ConfirmNodeReport(p.Id, n.NodeId), office, $"late-node-confirm-{p.Id}-{n.NodeId}");
                    node = (p.Details.Name, n.Name);
                    break;
                }
                catch (DomainException)
                {
                }
            }

            if (node is not null) break;
        }

        (string Project, decimal Percent)? progress = null;
        if (projects.FirstOrDefault(p => p.Progress.GetValueOrDefault(month)?.State == ReportState.Pending) is { } pending)
        {
            await Record(new ConfirmPhysicalProgress(pending.Id, month), office, "late-progress-confirm");
            progress = (pending.Details.Name, pending.Progress[month].Percent);
        }

        foreach (var p in projects.Where(p => !p.Progress.ContainsKey(month) && !p.Progress.Keys.Any(m => m > month)))
        {
            if (progress is not null) break;
            var last = p.Progress.Values.LastOrDefault()?.ConfirmedPercent ?? 0m;
            var percent = Math.Min(100m, last + 7m);
            try
            {
                var staff = DemoPeople.UnitStaff(p.Responsibility!.Contractors[0], p.Id);
                await Record(new ReportPhysicalProgress(p.Id, month, percent, "补报：主体结构施工完成"), staff, $"late-progress-{p.Id}");
                await Record(new ConfirmPhysicalProgress(p.Id, month), office, $"late-progress-confirm-{p.Id}");
                progress = (p.Details.Name, percent);
                break;
            }
            catch (DomainException)
            {
            }
        }

        Assert.NotNull(node);
        Assert.NotNull(progress);
        return new LateReports(invested.Details.Name, oldAmount, newAmount, reason, node.Value.Project, node.Value.Node,
            progress.Value.Project, progress.Value.Percent);
    }
}
