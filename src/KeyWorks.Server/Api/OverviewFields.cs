using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KeyWorks.Domain;
using KeyWorks.Domain.Figures;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.ReadModels;
using KeyWorks.GraphQL;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.Server.Api;

/// <summary>
/// <c>Query.overview</c> (驾驶舱): a programme's totals, groups, lights, problem counts, S-curve and rankings, as of now or
/// <c>asOf</c>. Contractors' figures cover only their own projects.
/// </summary>
public static class OverviewFields
{
    public static SchemaBuilder BindOverview(this SchemaBuilder schema) => schema
        .Bind("Query.overview", OverviewAsync)
        .Bind("Overview.ranking", context =>
            context.GetSource<OverviewResult>().Set.Ranking(context.Argument<string>("period") ?? "MONTH"));

    private static async ValueTask<object?> OverviewAsync(FieldContext context)
    {
        var user = ApiAuth.Require(context);
        var read = await ReadPoint.OfAsync(context);
        var programmeId = context.Argument<string>("programmeId");
        var programme = programmeId is null
            ? read.Model.Programmes.Values.FirstOrDefault()
            : ApiObjects.ParseGlobalId(programmeId) is ("Programme", var localId) ? read.Model.Programmes.GetValueOrDefault(localId) : null;
        if (programme is null)
        {
            throw new GraphQLException("No such programme (计划不存在).", "NOT_FOUND");
        }

        var figures = OverviewCache.Get(read.Model, programme, user, read.Date);
        return new OverviewResult(read.Model, programme, figures, read.At);
    }
}

/// <summary>
/// Overview figures per read model, date, programme and scope (a contractor's unit, or everything). Entries hang off the
/// model instance, so they go when the live model moves on and is collected; an <c>asOf</c> model is a new instance per
/// request and is computed afresh.
/// </summary>
internal static class OverviewCache
{
    private static readonly ConditionalWeakTable<KeyWorksReadModel, ConcurrentDictionary<(DateOnly, string, string), Lazy<OverviewFigureSet>>> Sets = [];

    public static OverviewFigureSet Get(KeyWorksReadModel model, ProgrammeState programme, ApiUser user, DateOnly date)
    {
        var scope = user.Role == Role.Contractor ? "unit:" + user.Unit : "*";
        var sets = Sets.GetValue(model, _ => new());
        return sets.GetOrAdd((date, programme.Id, scope), _ => new Lazy<OverviewFigureSet>(() =>
            new OverviewFigureSet(model, programme, p => ProjectFields.Visible(user, p), date, FigureOptions.Default))).Value;
    }
}

/// <summary>The <c>Overview</c> object: cached figures plus the problem counts at the request's instant.</summary>
public sealed class OverviewResult
{
    public OverviewResult(KeyWorksReadModel model, ProgrammeState programme, OverviewFigureSet figures, DateTimeOffset at)
    {
        Set = figures;
        Programme = ProjectFields.Programme(model, programme);
        var projects = figures.ProjectIds.ToHashSet(StringComparer.Ordinal);
        foreach (var problem in model.Problems.Values.Where(p => projects.Contains(p.ProjectId)))
        {
            ProblemsRaised++;
            if (problem.Stage == ProblemStage.Closed)
            {
                ProblemsClosed++;
            }
            else if (ProblemClocks.At(problem, at)?.RunningLate.Any() == true)
            {
                OverdueProblemCount++;
            }
        }
    }

    internal OverviewFigureSet Set { get; }

    public GroupFiguresResult Figures => Set.Figures;

    public Dictionary<string, object?> Programme { get; }

    public DateOnly AsOfDate => Set.AsOfDate;

    public int ProjectCount => Set.Totals.Projects;

    public int StartedCount => Set.Totals.Started;

    public int PlannedStartCount => Set.Totals.PlannedToStart;

    public decimal StartRate => Set.Totals.StartRate ?? 0m;

    public decimal CompletionRateChange => Set.CompletionRateChange;

    public IReadOnlyList<GroupResult> ByCategory => Set.ByCategory;

    public IReadOnlyList<GroupResult> ByTownship => Set.ByTownship;

    public IReadOnlyList<GroupResult> ByUnit => Set.ByUnit;

    public IReadOnlyList<Dictionary<string, object?>> Lights =>
    [
        .. new[] { ("GREEN", Set.Totals.Green), ("YELLOW", Set.Totals.Yellow), ("RED", Set.Totals.Red) }
            .Select(l => new Dictionary<string, object?> { ["light"] = l.Item1, ["count"] = l.Item2 }),
    ];

    public int OverdueProblemCount { get; }

    public int ProblemsRaised { get; }

    public int ProblemsClosed { get; }

    public IReadOnlyList<Dictionary<string, object?>> MonthlySeries => Set.MonthlySeries;
}
