using System.Text.Json;
using KeyWorks.Server.Tests.Api.Mutations;

namespace KeyWorks.Server.Tests.Security;

/// <summary>
/// Ids of records the demo contractor has no part in: a demo project of other contractors, its node, a report and a
/// problem on it, its unit and leader. Used to fill every id field of a generated input, by field name.
/// </summary>
public sealed record ForeignRecords(string Programme, string Project, string Node, string Report, string Problem, string Unit, string Leader)
{
    /// <summary>The id for an input field, by its name (<c>projectId</c>, <c>afterNodeId</c>, <c>contractorUnitIds</c> …).</summary>
    public string IdFor(string field)
    {
        var name = field.EndsWith("Ids", StringComparison.Ordinal) ? field[..^3] : field.EndsWith("Id", StringComparison.Ordinal) ? field[..^2] : field;
        return name switch
        {
            "programme" => Programme,
            "project" => Project,
            _ when name.EndsWith("ode", StringComparison.Ordinal) => Node,
            _ when name.EndsWith("eport", StringComparison.Ordinal) => Report,
            "problem" => Problem,
            _ when name.EndsWith("nit", StringComparison.Ordinal) => Unit,
            "leader" => Leader,
            "bulletin" => "Bulletin:2026-03",
            _ => throw new InvalidOperationException($"no foreign id for the input field {field}: add one to {nameof(ForeignRecords)}"),
        };
    }

    /// <summary>Finds a demo project the demo contractor does not work on, with a node and a report, and raises a problem on it.</summary>
    public static async Task<ForeignRecords> FindAsync(Scenario scenario)
    {
        var projects = (await scenario.PostAsync(Caller.Office, """
            { projects(first: 100) { nodes { id programme { id } leader { id } contractors { id name } nodes { id } reports(first: 1) { nodes { id } } } } }
            """)).GetProperty("data").GetProperty("projects").GetProperty("nodes").EnumerateArray();
        var project = projects.First(p =>
            p.GetProperty("contractors").GetArrayLength() > 0
            && p.GetProperty("contractors").EnumerateArray().All(c => c.GetProperty("name").GetString() != Scenario.ContractorUnit)
            && p.GetProperty("nodes").GetArrayLength() > 0
            && p.GetProperty("reports").GetProperty("nodes").GetArrayLength() > 0
            && p.GetProperty("leader").ValueKind == JsonValueKind.Object);
        var id = project.GetProperty("id").GetString()!;
        var problem = await scenario.MutateAsync(Caller.Office, "raiseProblem", "RaiseProblemInput",
            new { idempotencyKey = Scenario.Key(), projectId = id, category = "LAND", description = "征迁协调未完成" }, "problem { id } errors { code }");
        return new ForeignRecords(
            project.GetProperty("programme").GetProperty("id").GetString()!,
            id,
            project.GetProperty("nodes")[0].GetProperty("id").GetString()!,
            project.GetProperty("reports").GetProperty("nodes")[0].GetProperty("id").GetString()!,
            problem.GetProperty("problem").GetProperty("id").GetString()!,
            project.GetProperty("contractors")[0].GetProperty("id").GetString()!,
            project.GetProperty("leader").GetProperty("id").GetString()!);
    }
}
