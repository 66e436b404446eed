using System.Security.Cryptography;
using System.Text;
using KeyWorks.Domain;
using KeyWorks.Domain.Projects;
using KeyWorks.GraphQL.Types;
using KeyWorks.Server.Auth;

namespace KeyWorks.Server.Api;

/// <summary>The office's project mutations: <c>registerProject</c>, <c>amendProject</c>, <c>setAnnualPlan</c>.</summary>
public static class ProjectMutations
{
    public static SchemaBuilder BindProjectMutations(this SchemaBuilder schema) => schema
        .BindMutation("Mutation.registerProject", RegisterAsync)
        .BindMutation("Mutation.amendProject", AmendAsync)
        .BindMutation("Mutation.setAnnualPlan", SetAnnualPlanAsync);

    /// <summary>Names of the domain's detail fields in the input.</summary>
    private static readonly Dictionary<string, string> DetailFields = new(StringComparer.Ordinal)
    {
        ["leaderName"] = "leaderId",
        ["leadUnit"] = "leadUnitId",
        ["responsibleUnit"] = "responsibleUnitId",
    };

    /// <summary>
    /// Registers a project and, when a leader or units are given, assigns them. The project id is derived from the user and
    /// the idempotency key, so a repeat lands on the same stream and is answered with the first registration.
    /// </summary>
    private static async Task<object?> RegisterAsync(MutationContext m)
    {
        m.RequireRole(Role.Office);
        var programmeId = m.RequireId("programmeId", "Programme");
        var projectId = ProjectIdFor(m.User.UserId, m.IdempotencyKey);
        var details = new ProjectDetails(
            m.RequireText("name"),
            Category(m.Get<string>("category")!),
            m.RequireText("township"),
            m.Get<string>("scale") ?? "",
            m.Get<decimal>("totalInvestment"),
            0m,
            m.Get<DateOnly?>("plannedStart") ?? throw MutationRejected.At(ErrorCodes.Required, "plannedStart is required (必填计划开工日期).", "plannedStart"),
            m.Get<DateOnly?>("plannedCompletion") ?? throw MutationRejected.At(ErrorCodes.Required, "plannedCompletion is required (必填计划竣工日期).", "plannedCompletion"),
            Optional(m.Get<string>("description")));
        var responsibility = await ResponsibilityAsync(m, projectId, null);

        await m.ExecuteAsync(new RegisterProject(projectId, programmeId, details), DetailFields, "register");
        if (responsibility is not null)
        {
            await m.ExecuteAsync(responsibility, DetailFields, "responsibility");
        }

        return Payload(m, projectId);
    }

    /// <summary>Amends the given details (the rest stay) and, when any of leader or units is given, the responsibility.</summary>
    private static async Task<object?> AmendAsync(MutationContext m)
    {
        m.RequireRole(Role.Office);
        var project = m.RequireProject("projectId");
        var old = project.Details;
        var details = old with
        {
            Name = m.Get<string>("name") is not null ? m.RequireText("name") : old.Name,
            Category = m.Get<string>("category") is { } category ? Category(category) : old.Category,
            Township = m.Get<string>("township") is not null ? m.RequireText("township") : old.Township,
            Scale = m.Get<string>("scale") ?? old.Scale,
            TotalInvestment = m.Get<decimal?>("totalInvestment") ?? old.TotalInvestment,
            PlannedStart = m.Get<DateOnly?>("plannedStart") ?? old.PlannedStart,
            PlannedCompletion = m.Get<DateOnly?>("plannedCompletion") ?? old.PlannedCompletion,
            Description = m.Get<string>("description") is { } description ? Optional(description) : old.Description,
        };
        var reason = m.RequireText("reason");
        var responsibility = await ResponsibilityAsync(m, project.Id, project.Responsibility);
        if (details == old && responsibility is null)
        {
            throw MutationRejected.At("NOTHING_TO_CHANGE", "The input changes nothing (没有需要变更的内容).", null);
        }

        if (details != old)
        {
            await m.ExecuteAsync(new AmendProjectDetails(project.Id, details, reason), DetailFields, "details");
        }

        if (responsibility is not null)
        {
            await m.ExecuteAsync(responsibility, DetailFields, "responsibility");
        }

        return Payload(m, project.Id);
    }

    /// <summary>Sets the year's plan; with a plan already set, revises it (a reason is then required).</summary>
    private static async Task<object?> SetAnnualPlanAsync(MutationContext m)
    {
        m.RequireRole(Role.Office);
        var project = m.RequireProject("projectId");
        var year = m.Get<int>("year");
        var monthly = (m.Get<IEnumerable<object?>>("monthly") ?? []).Select(v => Convert.ToDecimal(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var fields = new Dictionary<string, string> { ["monthlyAmounts"] = "monthly" };
        if (project.Plans.ContainsKey(year))
        {
            var reason = m.Get<string>("reason");
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw MutationRejected.At(ErrorCodes.Required, $"The {year} plan is set; give the reason for revising it (调整计划须说明原因).", "reason");
            }

            await m.ExecuteAsync(new ReviseAnnualPlan(project.Id, year, monthly, reason.Trim()), fields);
        }
        else
        {
            await m.ExecuteAsync(new SetAnnualPlan(project.Id, year, monthly, m.Get<string>("reason")), fields);
        }

        return Payload(m, project.Id);
    }

    /// <summary>Optional text as kept: trimmed, and none when blank.</summary>
    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The responsibility to assign: null when the input names none of leader and units; otherwise the current one with
    /// the given parts replaced, which must then name a leader, a lead unit and a responsible unit.
    /// </summary>
    private static async Task<AssignResponsibility?> ResponsibilityAsync(MutationContext m, string projectId, Responsibility? current)
    {
        string[] keys = ["leaderId", "leadUnitId", "responsibleUnitId", "contractorUnitIds"];
        if (!keys.Any(k => m.Input.GetValueOrDefault(k) is not null))
        {
            return null;
        }

        var leaderId = m.Get<string>("leaderId") is not null ? m.RequireId("leaderId", "Leader") : current?.LeaderId;
        var leaderName = leaderId is null ? null
            : leaderId == current?.LeaderId ? current.LeaderName
            : await LeaderNameAsync(m, leaderId) ?? throw MutationRejected.At("NOT_FOUND", $"No leader {leaderId} (领导不存在).", "leaderId");
        var leadUnit = m.Get<string>("leadUnitId") is not null ? m.RequireId("leadUnitId", "Unit") : current?.LeadUnit;
        var responsibleUnit = m.Get<string>("responsibleUnitId") is not null ? m.RequireId("responsibleUnitId", "Unit") : current?.ResponsibleUnit;
        var contractors = m.Get<IEnumerable<object?>>("contractorUnitIds") is { } ids
            ? ids.Select(id => ApiObjects.ParseGlobalId(id as string ?? "") is ("Unit", var unit)
                ? unit
                : throw MutationRejected.At("NOT_FOUND", $"{id} is not a Unit id (标识无效).", "contractorUnitIds")).Distinct().ToList()
            : [.. current?.Contractors ?? []];

        if (leaderId is null || leaderName is null)
        {
            throw MutationRejected.At(ErrorCodes.Required, "A leader is required with the units (须指定分包领导).", "leaderId");
        }

        if (leadUnit is null)
        {
            throw MutationRejected.At(ErrorCodes.Required, "A lead unit is required (须指定牵头单位).", "leadUnitId");
        }

        if (responsibleUnit is null)
        {
            throw MutationRejected.At(ErrorCodes.Required, "A responsible unit is required (须指定责任单位).", "responsibleUnitId");
        }

        return new AssignResponsibility(projectId, leaderId, leaderName, leadUnit, responsibleUnit, contractors);
    }

    /// <summary>A leader's name: from a project they lead, else from the users (a leader's user id is their leader id).</summary>
    private static async Task<string?> LeaderNameAsync(MutationContext m, string leaderId)
    {
        if (m.Model.Projects.Values.Select(p => p.State.Responsibility).FirstOrDefault(r => r?.LeaderId == leaderId) is { } known)
        {
            return known.LeaderName;
        }

        var account = await m.Field.Request.Services!.GetRequiredService<UserAccounts>().FindAsync(leaderId, m.CancellationToken);
        return account is { Account: { Role: Role.Leader } leader } ? leader.Name : null;
    }

    /// <summary><c>RIVER_REGULATION</c> → <see cref="ProjectCategory.RiverRegulation"/>.</summary>
    private static ProjectCategory Category(string name) =>
        Enum.Parse<ProjectCategory>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    /// <summary>A new project's id: <c>p-</c> and 12 hex digits of SHA-256 over the user and the idempotency key.</summary>
    internal static string ProjectIdFor(string userId, string key) =>
        "p-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{key}")))[..12];

    /// <summary><c>ProjectPayload</c>: the project as it is now.</summary>
    internal static Dictionary<string, object?> Payload(MutationContext m, string projectId) => new()
    {
        ["project"] = m.Model.Projects.TryGetValue(projectId, out var view)
            ? new ProjectResult(m.Model, view.State, m.Today)
            : null,
    };
}
