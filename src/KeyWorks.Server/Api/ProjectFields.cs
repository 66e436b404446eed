using System.Text;
using KeyWorks.Domain;
using KeyWorks.Domain.Programmes;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Domain.Storing;
using KeyWorks.GraphQL;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.Server.Api;

/// <summary>
/// The read queries over the live read model (or the model as of <c>asOf</c>): <c>programmes</c>, <c>projects</c>,
/// <c>project</c>, <c>node</c> for projects, <c>User.projects</c>. Every field needs a signed-in user; contractors see
/// only the projects of their unit (others are left out of lists and are <c>FORBIDDEN</c> by id).
/// </summary>
public static class ProjectFields
{
    public static SchemaBuilder BindProjects(this SchemaBuilder schema) => schema
        .BindType<ProjectResult>("Project")
        .Bind("Query.programmes", Programmes)
        .Bind("Query.projects", ProjectsAsync)
        .Bind("Query.project", ProjectAsync)
        .Bind("Query.node", NodeAsync)
        .Bind("User.projects", UserProjects);

    private static object? Programmes(FieldContext context)
    {
        ApiAuth.Require(context);
        var model = Live(context);
        return model.Programmes.Values.Select(p => Programme(model, p)).ToList();
    }

    private static async ValueTask<object?> ProjectsAsync(FieldContext context)
    {
        var user = ApiAuth.Require(context);
        var (model, asOf) = await ModelAsync(context);
        var filter = context.Arguments.TryGetValue("filter", out var f) ? f as IReadOnlyDictionary<string, object?> : null;
        var all = model.Projects.Values
            .Where(p => Visible(user, p.State))
            .Select(p => new ProjectResult(model, p.State, asOf))
            .Where(p => Matches(p, filter))
            .ToList();

        if (context.Argument<int?>("last") is not null || context.Argument<string>("before") is not null)
        {
            throw new GraphQLException("`last` and `before` are not supported yet; page forward with `first` and `after`.", "BAD_USER_INPUT");
        }

        if (context.Arguments.GetValueOrDefault("orderBy") is IReadOnlyDictionary<string, object?> order)
        {
            all = Sorted(all, order["field"]?.ToString() ?? "NAME", order.GetValueOrDefault("direction")?.ToString() == "DESC");
        }

        if (user.Role == Role.Leader)
        {
            // Leaders see every project, their own first (each part in the order asked for).
            all = [.. all.Where(p => p.State.Responsibility?.LeaderId == user.UserId), .. all.Where(p => p.State.Responsibility?.LeaderId != user.UserId)];
        }

        var first = context.Argument<int?>("first");
        var after = context.Argument<string>("after");
        var start = 0;
        if (after is not null)
        {
            start = Cursors.Decode("project", after) is { } index && index >= 0 && index < all.Count ? index + 1
                : throw new GraphQLException($"Invalid cursor \"{after}\".", "BAD_USER_INPUT");
        }

        if (first is < 0)
        {
            throw new GraphQLException("`first` may not be negative.", "BAD_USER_INPUT");
        }

        var page = all.Skip(start).Take(first ?? int.MaxValue).Select((p, i) => (Project: p, Index: start + i)).ToList();
        return new Dictionary<string, object?>
        {
            ["edges"] = page.Select(e => new Dictionary<string, object?> { ["cursor"] = Cursors.Encode("project", e.Index), ["node"] = e.Project }).ToList(),
            ["nodes"] = page.Select(e => e.Project).ToList(),
            ["totalCount"] = all.Count,
            ["pageInfo"] = new Dictionary<string, object?>
            {
                ["hasNextPage"] = start + page.Count < all.Count,
                ["hasPreviousPage"] = start > 0,
                ["startCursor"] = page.Count > 0 ? Cursors.Encode("project", page[0].Index) : null,
                ["endCursor"] = page.Count > 0 ? Cursors.Encode("project", page[^1].Index) : null,
            },
        };
    }

    private static async ValueTask<object?> ProjectAsync(FieldContext context)
    {
        var user = ApiAuth.Require(context);
        var (model, asOf) = await ModelAsync(context);
        return Find(user, model, asOf, (string)context.Arguments["id"]!);
    }

    /// <summary><c>node(id:)</c> for projects, their nodes and their reports (contractors: their own projects' only).</summary>
    internal static ValueTask<object?> NodeAsync(FieldContext context)
    {
        var user = ApiAuth.Require(context);
        var id = (string)context.Arguments["id"]!;
        if (ApiObjects.ParseGlobalId(id) is ("Bulletin", var bulletinId))
        {
            return BulletinFields.FindAsync(context, user, bulletinId);
        }

        var model = Live(context);
        var today = ApiClock.TodayInChina(context);
        ProjectResult? ProjectOf(string projectId) => Find(user, model, today, ApiObjects.GlobalId("Project", projectId));
        object? found = ApiObjects.ParseGlobalId(id) switch
        {
            ("Project", _) => Find(user, model, today, id),
            ("ProjectNode", var local) when local.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash =>
                ProjectOf(local[..slash])?.Node(local[(slash + 1)..]),
            _ when ReportFields.ParseReportId(id) is var (projectId, position) =>
                ProjectOf(projectId) is { } project && ReportFields.Find(context, project, position) is { } report && report.Id == id ? report : null,
            _ => null,
        };
        return ValueTask.FromResult(found);
    }

    private static object? UserProjects(FieldContext context)
    {
        var user = context.GetSource<Dictionary<string, object?>>();
        var userId = (string)user["userId"]!;
        var role = (Role)user["roleValue"]!;
        var unit = user["unit"] is Dictionary<string, object?> u ? (string)u["name"]! : null;
        var model = Live(context);
        var today = ApiClock.TodayInChina(context);
        return model.Projects.Values
            .Where(p => role switch
            {
                Role.Leader => p.State.Responsibility?.LeaderId == userId,
                Role.Contractor => unit is not null && p.State.Responsibility?.Contractors.Contains(unit) == true,
                _ => false,
            })
            .Select(p => new ProjectResult(model, p.State, today))
            .ToList();
    }

    /// <summary>The list sorted by a field, ties by project id; a light sorts red before yellow before green when descending.</summary>
    private static List<ProjectResult> Sorted(List<ProjectResult> projects, string field, bool descending)
    {
        Func<ProjectResult, IComparable> key = field switch
        {
            "TOTAL_INVESTMENT" => p => p.Figures.TotalInvestment,
            "ANNUAL_COMPLETION_RATE" => p => p.Figures.AnnualCompletionRate,
            "PROGRESS_GAP" => p => p.Figures.ProgressGap,
            "LIGHT" => p => p.Figures.Light switch { "RED" => 2, "YELLOW" => 1, _ => 0 },
            _ => p => p.Name,
        };
        var sorted = descending ? projects.OrderByDescending(key) : projects.OrderBy(key);
        return [.. sorted.ThenBy(p => p.State.Id, StringComparer.Ordinal)];
    }

    internal static ProjectResult? Find(ApiUser user, KeyWorksReadModel model, DateOnly asOf, string id)
    {
        if (ApiObjects.ParseGlobalId(id) is not ("Project", var localId) || !model.Projects.TryGetValue(localId, out var view))
        {
            return null;
        }

        return Visible(user, view.State)
            ? new ProjectResult(model, view.State, asOf)
            : throw new GraphQLException("This project is not one of yours (无权查看该项目).", "FORBIDDEN");
    }

    /// <summary>Contractors see the projects their unit works on; every other role sees every project.</summary>
    internal static bool Visible(ApiUser user, ProjectState project) =>
        user.Role != Role.Contractor || (user.Unit is not null && project.Responsibility?.Contractors.Contains(user.Unit) == true);

    private static bool Matches(ProjectResult project, IReadOnlyDictionary<string, object?>? filter)
    {
        if (filter is null)
        {
            return true;
        }

        bool In(string key, string value) =>
            !filter.TryGetValue(key, out var list) || list is not IEnumerable<object?> values || values.Any(v => Equals(v?.ToString(), value));

        var state = project.State;
        if (filter.TryGetValue("programmeId", out var programme) && programme is string p && p != ApiObjects.GlobalId("Programme", state.ProgrammeId))
        {
            return false;
        }

        if (filter.TryGetValue("leaderId", out var leader) && leader is string l && l != ApiObjects.GlobalId("Leader", state.Responsibility?.LeaderId ?? ""))
        {
            return false;
        }

        if (filter.TryGetValue("unitId", out var unit) && unit is string u
            && !new[] { state.Responsibility?.LeadUnit, state.Responsibility?.ResponsibleUnit }.Concat(state.Responsibility?.Contractors ?? [])
                .Any(n => n is not null && ApiObjects.GlobalId("Unit", n) == u))
        {
            return false;
        }

        if (!In("categories", project.Category) || !In("townships", project.Township) || !In("statuses", project.Status)
            || !In("lights", project.Figures.Light))
        {
            return false;
        }

        if (filter.TryGetValue("laggingOnly", out var lagging) && lagging is true && project.Figures.Light == "GREEN")
        {
            return false;
        }

        if (filter.TryGetValue("text", out var text) && text is string { Length: > 0 } t)
        {
            var r = state.Responsibility;
            return new[] { state.Details.Name, state.Details.Township, r?.LeadUnit, r?.ResponsibleUnit }.Concat(r?.Contractors ?? [])
                .Any(s => s?.Contains(t, StringComparison.OrdinalIgnoreCase) == true);
        }

        return true;
    }

    private static KeyWorksReadModel Live(FieldContext context) => context.Request.Services!.GetRequiredService<LiveReadModel>().Current;

    /// <summary>The live model and today's date, or the model as recorded up to <c>asOf</c> and that instant's China date.</summary>
    private static async Task<(KeyWorksReadModel Model, DateOnly AsOf)> ModelAsync(FieldContext context)
    {
        var read = await ReadPoint.OfAsync(context);
        return (read.Model, read.Date);
    }

    internal static Dictionary<string, object?> Programme(KeyWorksReadModel model, ProgrammeState programme) => new()
    {
        ["__typename"] = "Programme",
        ["id"] = ApiObjects.GlobalId("Programme", programme.Id),
        ["name"] = programme.Name,
        ["year"] = programme.Year,
        ["district"] = programme.District,
        ["office"] = programme.District + "重点项目建设指挥部办公室",
        ["projectCount"] = model.Projects.Values.Count(p => p.State.ProgrammeId == programme.Id),
    };


    /// <summary><c>RiverRegulation</c> → <c>RIVER_REGULATION</c>.</summary>
    internal static string EnumName<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var result = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                result.Append('_');
            }

            result.Append(char.ToUpperInvariant(name[i]));
        }

        return result.ToString();
    }
}
