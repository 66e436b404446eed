using KeyWorks.Domain;
using KeyWorks.GraphQL;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;
using KeyWorks.Server.Auth;

namespace KeyWorks.Server.Api;

/// <summary>
/// <c>Query.node</c> for problems, inspections, units, leaders, programmes and users; every other type (projects and
/// their parts) goes to <see cref="ProjectFields.NodeAsync"/>. An unknown id is null; a problem or inspection of a project
/// a contractor does not work on, or another user's record asked for by anyone but the office or an auditor, is
/// <c>FORBIDDEN</c>.
/// </summary>
public static class NodeFields
{
    public static SchemaBuilder BindNodes(this SchemaBuilder schema) => schema.Bind("Query.node", NodeAsync);

    private static async ValueTask<object?> NodeAsync(FieldContext context)
    {
        var user = ApiAuth.Require(context);
        var id = (string)context.Arguments["id"]!;
        if (ApiObjects.ParseGlobalId(id) is not var (type, localId))
        {
            return null;
        }

        var read = ReadPoint.Live(context);
        var model = read.Model;
        switch (type)
        {
            case "Problem":
                return model.Problems.TryGetValue(localId, out var problem)
                    ? VisibleOrForbidden(user, model, problem.ProjectId, () => new ProblemResult(model, problem, read.Date, read.At))
                    : null;
            case "Inspection":
                var slash = localId.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0 || !model.Projects.TryGetValue(localId[..slash], out var view)
                    || view.State.Inspections.FirstOrDefault(i => i.InspectionId == localId[(slash + 1)..]) is not { } inspection)
                {
                    return null;
                }

                return VisibleOrForbidden(user, model, view.State.Id, () => new InspectionResult(model, view.State, inspection, read.Date));
            case "Unit":
                return UnitNames(model).Contains(localId) ? ApiObjects.Unit(localId) : null;
            case "Leader":
                return model.Projects.Values.Select(p => p.State.Responsibility).FirstOrDefault(r => r?.LeaderId == localId) is { } leader
                    ? new Dictionary<string, object?> { ["__typename"] = "Leader", ["id"] = id, ["name"] = leader.LeaderName, ["title"] = null }
                    : null;
            case "Programme":
                return model.Programmes.TryGetValue(localId, out var programme) ? ProjectFields.Programme(model, programme) : null;
            case "User":
                return await UserAsync(context, user, localId);
            default:
                return await ProjectFields.NodeAsync(context);
        }
    }

    private static object VisibleOrForbidden(ApiUser user, Domain.ReadModels.KeyWorksReadModel model, string projectId, Func<object> result) =>
        model.Projects.TryGetValue(projectId, out var view) && ProjectFields.Visible(user, view.State)
            ? result()
            : throw new GraphQLException("This belongs to a project that is not one of yours (无权查看).", "FORBIDDEN");

    private static async Task<object?> UserAsync(FieldContext context, ApiUser user, string userId)
    {
        if (userId == user.UserId)
        {
            return ApiObjects.User(user);
        }

        if (user.Role is not (Role.Office or Role.Auditor))
        {
            throw new GraphQLException("Only the office and auditors may look up other users (无权查看其他用户).", "FORBIDDEN");
        }

        var account = await context.Request.Services!.GetRequiredService<UserAccounts>().FindByIdAsync(userId, context.CancellationToken);
        return account is null ? null : ApiObjects.User(new ApiUser(account.UserId, account.Name, account.Role, account.Unit));
    }

    /// <summary>Every unit the model names: projects' lead, responsible and contractor units, node units, problem units.</summary>
    private static HashSet<string> UnitNames(Domain.ReadModels.KeyWorksReadModel model)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in model.Projects.Values.Select(v => v.State))
        {
            if (project.Responsibility is { } r)
            {
                names.UnionWith([r.LeadUnit, r.ResponsibleUnit, .. r.Contractors]);
            }

            names.UnionWith(project.Nodes.Values.Select(n => n.ResponsibleUnit));
        }

        names.UnionWith(model.Problems.Values.Select(p => p.Unit).OfType<string>());
        return names;
    }
}
