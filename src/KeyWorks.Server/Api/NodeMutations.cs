using System.Security.Cryptography;
using System.Text;
using KeyWorks.Domain;
using KeyWorks.Domain.Projects;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.Server.Api;

/// <summary>The office's node mutations: <c>planNode</c>, <c>replanNode</c>.</summary>
public static class NodeMutations
{
    public static SchemaBuilder BindNodeMutations(this SchemaBuilder schema) => schema
        .BindMutation("Mutation.planNode", PlanAsync)
        .BindMutation("Mutation.replanNode", ReplanAsync);

    private static readonly Dictionary<string, StandardNode> StandardByKind = new(StringComparer.Ordinal)
    {
        ["PERMITS"] = StandardNodes.Get(StandardNodes.Permits),
        ["LAND_HANDOVER"] = StandardNodes.Get(StandardNodes.Land),
        ["CONSTRUCTION_START"] = StandardNodes.Get(StandardNodes.Start),
        ["MAIN_WORKS_COMPLETE"] = StandardNodes.Get(StandardNodes.MainWorks),
        ["COMPLETION_ACCEPTANCE"] = StandardNodes.Get(StandardNodes.Acceptance),
        ["IN_OPERATION"] = StandardNodes.Get(StandardNodes.Operation),
    };

    /// <summary>
    /// Plans a standard node at its place in the chain, or a custom one (a name is required) after <c>afterNodeId</c> or
    /// at the end of the chain. A custom node's id is derived from the user and the idempotency key, like a new project's.
    /// </summary>
    private static async Task<object?> PlanAsync(MutationContext m)
    {
        m.RequireRole(Role.Office);
        var project = m.RequireProject("projectId");
        var kind = m.Get<string>("kind")!;
        string nodeId, name;
        int sequence;
        if (StandardByKind.TryGetValue(kind, out var standard))
        {
            (nodeId, name, sequence) = (standard.NodeId, m.Get<string>("name") is { Length: > 0 } given ? given.Trim() : standard.Name, standard.Sequence);
        }
        else
        {
            name = m.RequireText("name");
            nodeId = "n-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{m.User.UserId}\n{m.IdempotencyKey}")))[..10];
            sequence = CustomSequence(m, project);
        }

        var unit = m.Get<string>("responsibleUnitId") is not null ? m.RequireId("responsibleUnitId", "Unit") : project.Responsibility?.ResponsibleUnit ?? "";
        await m.ExecuteAsync(new PlanNode(project.Id, nodeId, name, sequence, m.Get<DateOnly>("plannedDate"), unit), new Dictionary<string, string>
        {
            ["date"] = "plannedDate",
            ["nodeId"] = "kind",
            ["sequence"] = "afterNodeId",
        });
        return Payload(m, project.Id, nodeId);
    }

    private static async Task<object?> ReplanAsync(MutationContext m)
    {
        m.RequireRole(Role.Office);
        var (project, nodeId) = RequireNode(m, "nodeId");
        await m.ExecuteAsync(new ReplanNode(project.Id, nodeId, m.Get<DateOnly>("plannedDate"), m.RequireText("reason")),
            new Dictionary<string, string> { ["date"] = "plannedDate" });
        return Payload(m, project.Id, nodeId);
    }

    /// <summary>The first free sequence after <c>afterNodeId</c> (before the next node), or after the last node.</summary>
    private static int CustomSequence(MutationContext m, ProjectState project)
    {
        if (m.Get<string>("afterNodeId") is null)
        {
            return (project.Chain.LastOrDefault()?.Sequence ?? 0) + 1;
        }

        var (_, afterId) = RequireNode(m, "afterNodeId", project);
        var after = project.Nodes[afterId];
        var limit = project.NodeAfter(after.Sequence)?.Sequence ?? int.MaxValue;
        var free = Enumerable.Range(after.Sequence + 1, Math.Min(limit, after.Sequence + 100) - after.Sequence - 1)
            .Where(s => project.Chain.All(n => n.Sequence != s)).Take(1).ToList();
        return free.Count == 1 ? free[0]
            : throw MutationRejected.At(ErrorCodes.NodeSequenceTaken, "There is no room after that node (该节点后已无空位).", "afterNodeId");
    }

    /// <summary>The project and node of a <c>ProjectNode</c> id input; <c>NODE_NOT_FOUND</c> at its path when there is none.</summary>
    internal static (ProjectState Project, string NodeId) RequireNode(MutationContext m, string inputField, ProjectState? within = null)
    {
        var local = m.RequireId(inputField, "ProjectNode");
        var slash = local.IndexOf('/', StringComparison.Ordinal);
        var project = slash > 0 && m.Model.Projects.TryGetValue(local[..slash], out var view) ? view.State : null;
        var nodeId = slash > 0 ? local[(slash + 1)..] : "";
        return project is not null && project.Nodes.ContainsKey(nodeId) && (within is null || within.Id == project.Id)
            ? (project, nodeId)
            : throw MutationRejected.At(ErrorCodes.NodeNotFound, $"No node {local} (节点不存在).", inputField);
    }

    /// <summary><c>NodePayload</c>: the node and its project as they are now.</summary>
    private static Dictionary<string, object?> Payload(MutationContext m, string projectId, string nodeId)
    {
        var project = m.Model.Projects.TryGetValue(projectId, out var view) ? new ProjectResult(m.Model, view.State, m.Today) : null;
        return new Dictionary<string, object?> { ["node"] = project?.Node(nodeId), ["project"] = project };
    }
}
