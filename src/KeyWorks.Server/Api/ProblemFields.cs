using KeyWorks.Domain;
using KeyWorks.Domain.Problems;
using KeyWorks.GraphQL;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.Server.Api;

/// <summary>
/// <c>Query.problems</c> (问题清单), <c>Project.problems</c>, <c>Project.inspections</c>. Contractors see the problems of
/// their own projects only.
/// </summary>
public static class ProblemFields
{
    private static readonly string[] Stages = ["RAISED", "ASSIGNED", "ACCEPTED", "HANDLED", "CLOSED"];

    public static SchemaBuilder BindProblems(this SchemaBuilder schema) => schema
        .BindType<ProblemResult>("Problem")
        .BindType<InspectionResult>("Inspection")
        .Bind("Query.problems", ProblemsAsync)
        .Bind("Project.problems", ProjectProblems)
        .Bind("Project.inspections", ProjectInspections);

    /// <summary>
    /// The list: overdue first, then oldest raised first (the board's order; for a leader their own projects' problems
    /// come first), paged forward. <c>countsByStage</c> counts the
    /// list filtered by everything but <c>stages</c>, so a board's stage tabs show their sizes whichever tab is open.
    /// </summary>
    private static async ValueTask<object?> ProblemsAsync(FieldContext context)
    {
        var user = ApiAuth.Require(context);
        var read = await ReadPoint.OfAsync(context);
        var filter = context.Arguments.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?>;
        var candidates = read.Model.Problems.Values
            .Where(p => read.Model.Projects.TryGetValue(p.ProjectId, out var view) && ProjectFields.Visible(user, view.State))
            .Select(p => new ProblemResult(read.Model, p, read.Date, read.At))
            .Where(p => Matches(p, filter))
            .OrderByDescending(p => p.Overdue)
            .ThenBy(p => p.RaisedAt)
            .ThenBy(p => p.State.Id, StringComparer.Ordinal)
            .ToList();
        if (user.Role == Role.Leader)
        {
            // Leaders see every problem, their own projects' first (each part in the board's order).
            bool Mine(ProblemResult p) => read.Model.Projects[p.State.ProjectId].State.Responsibility?.LeaderId == user.UserId;
            candidates = [.. candidates.Where(Mine), .. candidates.Where(p => !Mine(p))];
        }

        var stages = (filter?.GetValueOrDefault("stages") as IEnumerable<object?>)?.Select(s => s?.ToString()).ToHashSet();
        var all = stages is null ? candidates : candidates.Where(p => stages.Contains(p.Stage)).ToList();

        var first = context.Argument<int?>("first");
        if (first is < 0)
        {
            throw new GraphQLException("`first` may not be negative.", "BAD_USER_INPUT");
        }

        var start = 0;
        if (context.Argument<string>("after") is { } after)
        {
            start = Cursors.Decode("problem", after) is { } index && index >= 0 && index < all.Count ? index + 1
                : throw new GraphQLException($"Invalid cursor \"{after}\".", "BAD_USER_INPUT");
        }

        var page = all.Skip(start).Take(first ?? int.MaxValue).Select((p, i) => (Problem: p, Index: start + i)).ToList();
        return new Dictionary<string, object?>
        {
            ["edges"] = page.Select(e => new Dictionary<string, object?> { ["cursor"] = Cursors.Encode("problem", e.Index), ["node"] = e.Problem }).ToList(),
            ["nodes"] = page.Select(e => e.Problem).ToList(),
            ["totalCount"] = all.Count,
            ["pageInfo"] = new Dictionary<string, object?>
            {
                ["hasNextPage"] = start + page.Count < all.Count,
                ["hasPreviousPage"] = start > 0,
                ["startCursor"] = page.Count > 0 ? Cursors.Encode("problem", page[0].Index) : null,
                ["endCursor"] = page.Count > 0 ? Cursors.Encode("problem", page[^1].Index) : null,
            },
            ["countsByStage"] = Stages.Select(stage => new Dictionary<string, object?>
            {
                ["stage"] = stage,
                ["count"] = candidates.Count(p => p.Stage == stage),
                ["overdue"] = candidates.Count(p => p.Stage == stage && p.Overdue),
            }).ToList(),
        };
    }

    /// <summary>A project's problems, raised order; clocks at now when the project is read for today, else at the end of its date.</summary>
    private static object? ProjectProblems(FieldContext context)
    {
        var project = context.GetSource<ProjectResult>();
        var at = ClockTime(context, project.AsOf);
        var openOnly = context.Argument<bool?>("openOnly") == true;
        return project.Model.ProblemsOf(project.State.Id)
            .Where(p => !openOnly || p.Stage != ProblemStage.Closed)
            .OrderBy(p => p.RaisedAt)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new ProblemResult(project.Model, p, project.AsOf, at))
            .ToList();
    }

    /// <summary>A project's inspections, by date.</summary>
    private static object? ProjectInspections(FieldContext context)
    {
        var project = context.GetSource<ProjectResult>();
        return project.State.Inspections
            .OrderBy(i => i.InspectedOn)
            .ThenBy(i => i.InspectionId, StringComparer.Ordinal)
            .Select(i => new InspectionResult(project.Model, project.State, i, project.AsOf))
            .ToList();
    }

    /// <summary>The instant clocks are read at for a date: now when the date is today (or later), else the end of that date.</summary>
    internal static DateTimeOffset ClockTime(FieldContext context, DateOnly date)
    {
        var now = ApiClock.Of(context).Time.GetUtcNow();
        return date >= BusinessCalendar.DateOf(now) ? now : BusinessCalendar.EndOf(date);
    }

    private static bool Matches(ProblemResult problem, IReadOnlyDictionary<string, object?>? filter)
    {
        if (filter is null)
        {
            return true;
        }

        var state = problem.State;
        if (filter.GetValueOrDefault("projectId") is string project && project != ApiObjects.GlobalId("Project", state.ProjectId))
        {
            return false;
        }

        if (filter.GetValueOrDefault("unitId") is string unit && (state.Unit is null || unit != ApiObjects.GlobalId("Unit", state.Unit)))
        {
            return false;
        }

        if (filter.GetValueOrDefault("categories") is IEnumerable<object?> categories && !categories.Any(c => c?.ToString() == problem.Category))
        {
            return false;
        }

        return filter.GetValueOrDefault("overdueOnly") is not true || problem.Overdue;
    }
}
