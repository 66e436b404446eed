using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;

namespace KeyWorks.Domain.Demo;

/// <summary>
/// The demo programme: a high-tech zone's 2026 "三十工程" from January to 21 November 2026, as the commands its users
/// issued (each with user, role and recorded time), so loading it goes through the same decisions as real use.
/// Deterministic: the same commands every run (seeded). Figures are illustrative apart from the quoted public facts
/// (see <see cref="DemoProjects"/>); all people are invented.
/// </summary>
public static class DemoProgramme
{
    public const string ProgrammeId = "gxq-2026";
    public const int Year = 2026;
    public const int Seed = 2026;

    /// <summary>"Today" for the demo: the last command is recorded on this date.</summary>
    public static readonly DateOnly Today = new(2026, 11, 21);

    /// <summary>No command is recorded after this instant (21 Nov 2026 10:00 China time).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, BusinessCalendar.ChinaOffset);

    private static readonly Actor Office = DemoPeople.OfficeZhou;
    private static readonly Actor Office2 = DemoPeople.OfficeSun;

    /// <summary>All the demo's commands in recorded-time order.</summary>
    public static IReadOnlyList<IssuedCommand> Commands()
    {
        var commands = new List<IssuedCommand>
        {
            new(new RegisterProgramme(ProgrammeId, "高新区2026年“三十工程”", Year, "示范高新区"), Office, At(1, 5, 9)),
        };
        var projects = DemoProjects.All;
        for (var i = 0; i < projects.Count; i++)
        {
            var builder = new ProjectHistory(projects[i], i, new Random(Seed + i));
            commands.AddRange(builder.Build());
        }
        commands.AddRange(Problems());
        commands.AddRange(Inspections());
        return [.. commands.Where(c => c.At <= Now).OrderBy(c => c.At)];
    }

    internal static DateTimeOffset At(int month, int day, int hour, int minute = 0) => At(new DateOnly(Year, month, day), hour, minute);

    internal static DateTimeOffset At(DateOnly date, int hour, int minute = 0) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), BusinessCalendar.ChinaOffset).AddMinutes(minute);

    private static IEnumerable<IssuedCommand> Problems()
    {
        foreach (var p in DemoProblems.All)
        {
            var project = DemoProjects.All.Single(x => x.Id == p.ProjectId);
            var reporter = DemoPeople.UnitStaff(project.ContractorUnit, project.Id);
            var unit = DemoPeople.UnitStaff(p.Unit);
            var raised = p.RaisedAt;
            var assigned = raised.AddHours(2);
            var deadline = BusinessCalendar.DateOf(assigned).AddDays(p.Path == ProblemPath.LongDeadline ? 30 : 10);
            var closeDue = BusinessCalendar.EndOf(deadline);
            var office = Office2;

            yield return new(new RaiseProblem(p.Id, p.ProjectId, p.Category, p.Title, $"{project.ShortName}：{p.Title}"), reporter, raised);
            if (p.Path == ProblemPath.RaisedOnly) continue;
            yield return new(new AssignProblem(p.Id, p.Unit, deadline), office, assigned);

            IssuedCommand Accept(double hours) => new(new AcceptProblem(p.Id), unit, assigned.AddHours(hours));
            IssuedCommand Handle(double hours) => new(new HandleProblem(p.Id, p.Action), unit, assigned.AddHours(hours));
            IssuedCommand Close(double hours) => new(new CloseProblem(p.Id, p.Evidence), office, assigned.AddHours(hours));
            IssuedCommand Escalate(DateTimeOffset at) => new(new EscalateProblem(p.Id), office, at);

            switch (p.Path)
            {
                case ProblemPath.ClosedOnTime:
                    yield return Accept(18); yield return Handle(5 * 24); yield return Close(9 * 24);
                    break;
                case ProblemPath.AcceptedLate:
                    yield return Escalate(assigned.AddHours(27));
                    yield return Accept(48); yield return Handle(5.5 * 24); yield return Close(9.5 * 24);
                    break;
                case ProblemPath.ClosedLate:
                    yield return Accept(10); yield return Handle(5 * 24);
                    yield return Escalate(closeDue.AddHours(9));
                    yield return Close(13 * 24);
                    break;
                case ProblemPath.LongDeadline:
                    yield return Accept(6); yield return Handle(5 * 24); yield return Close(25 * 24);
                    break;
                case ProblemPath.Reopened:
                    yield return Accept(18); yield return Handle(5 * 24); yield return Close(9 * 24);
                    var reopened = assigned.AddDays(12);
                    yield return new(new ReopenProblem(p.Id, "复查发现问题反弹，重新交办"), office, reopened);
                    yield return new(new AcceptProblem(p.Id), unit, reopened.AddHours(4));
                    yield return new(new HandleProblem(p.Id, "二次整改"), unit, reopened.AddDays(3));
                    yield return new(new CloseProblem(p.Id, p.Evidence), office, reopened.AddDays(6));
                    break;
                case ProblemPath.AcceptOverdue:
                    yield return Escalate(assigned.AddHours(27));
                    break;
                case ProblemPath.AcceptedInTime:
                    yield return Accept(6);
                    break;
                case ProblemPath.HandleOverdue:
                    yield return Accept(5);
                    yield return Escalate(assigned.AddHours(6 * 24 + 2));
                    yield return Escalate(closeDue.AddHours(9));
                    break;
                case ProblemPath.HandledAwaitingClose:
                    yield return Accept(4); yield return Handle(5 * 24);
                    break;
            }
        }
    }

    private static IEnumerable<IssuedCommand> Inspections()
    {
        // 三十工程 observation tour at the end of April.
        var tour = new[] { "zjdd", "dslh", "lyl", "zss", "hngx", "yl", "smzx", "sylq" };
        foreach (var id in tour)
        {
            yield return new(new ScoreInspection(id, $"gz-2026-04-{id}", new DateOnly(Year, 4, 28), DemoProjects.InspectionBase[id],
                "四月观摩评价"), Office, At(4, 29, 16));
        }

        // Resettlement housing: scored at each month end from March, for the monthly and quarterly flags.
        var random = new Random(Seed * 7);
        for (var month = 3; month <= 10; month++)
        {
            var day = new YearMonth(Year, month).LastDay;
            foreach (var id in new[] { "azf1", "azf2", "azf3", "azf4", "azf5", "azf6" })
            {
                if (id == "azf3" && month > 9) continue; // handed over at the end of September
                var score = Math.Clamp(DemoProjects.InspectionBase[id] + random.Next(-4, 5), 0, 100);
                yield return new(new ScoreInspection(id, $"az-{Year}-{month:D2}-{id}", day, score, $"{month}月安置房观摩评价"),
                    Office, At(day.AddDays(1), 11));
            }
        }
    }
}
