using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KeyWorks.Domain;
using KeyWorks.Server.Auth;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Api.Mutations;

/// <summary>Who calls a mutation in the role matrix.</summary>
public enum Caller
{
    Office,
    Leader,
    OwnContractor,
    ForeignContractor,
    Auditor,
    Anonymous,
}

/// <summary>
/// The demo server seen by mutation tests: tokens per caller (the demo users), GraphQL calls, the store's event count,
/// and fresh projects registered through the API (one the demo contractor works on, one it does not).
/// </summary>
public sealed class Scenario(DemoServer demo)
{
    /// <summary>The demo contractor's unit (紫荆大道, project zjdd).</summary>
    public const string ContractorUnit = "紫荆大道项目部";

    private readonly Dictionary<Role, string> _tokens = [];

    public DemoServer Demo => demo;

    public static string Key() => Guid.NewGuid().ToString();

    /// <summary>The caller's bearer token, null for anonymous.</summary>
    public async Task<string?> TokenAsync(Caller caller)
    {
        var role = caller switch
        {
            Caller.Office => Role.Office,
            Caller.Leader => Role.Leader,
            Caller.OwnContractor or Caller.ForeignContractor => Role.Contractor,
            Caller.Auditor => Role.Auditor,
            _ => (Role?)null,
        };
        if (role is not { } r)
        {
            return null;
        }

        if (!_tokens.TryGetValue(r, out var token))
        {
            var (account, password) = UserAccounts.DemoUsers.First(u => u.Account.Role == r);
            _tokens[r] = token = await demo.LoginAsync(account.UserName, password);
        }

        return token;
    }

    /// <summary>The response of a request as the caller.</summary>
    public async Task<JsonElement> PostAsync(Caller caller, string query, object? variables = null) =>
        await demo.PostAsync(query, variables, await TokenAsync(caller));

    /// <summary>A mutation's payload as the caller; fails on GraphQL errors or payload errors.</summary>
    public async Task<JsonElement> MutateAsync(Caller caller, string field, string inputType, object input, string selection = "errors { code message field }")
    {
        var response = await PostAsync(caller, Document(field, inputType, selection), new { input });
        if (response.TryGetProperty("errors", out var errors))
        {
            throw new InvalidOperationException($"{field}: {errors}");
        }

        var payload = response.GetProperty("data").GetProperty(field);
        if (payload.TryGetProperty("errors", out var userErrors) && userErrors.GetArrayLength() > 0)
        {
            throw new InvalidOperationException($"{field}: {userErrors}");
        }

        return payload;
    }

    /// <summary><c>mutation($input: T!) { field(input: $input) { selection } }</c>.</summary>
    public static string Document(string field, string inputType, string selection = "errors { code message field }") =>
        $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} }} }}";

    /// <summary>The store's head position (its event count: positions have no gaps).</summary>
    public async Task<long> EventCountAsync()
    {
        using var client = new HttpClient { BaseAddress = demo.Server.BaseAddress };
        var health = await client.GetFromJsonAsync<JsonElement>("health", TestContext.Current.CancellationToken);
        return health.GetProperty("events").GetInt64();
    }

    /// <summary>
    /// Registers a project as the office, with the demo contractor's unit among its contractors or not, a 手续办理 node
    /// due at the end of this year and this year's plan; returns its global id.
    /// </summary>
    public async Task<string> FreshProjectAsync(bool contractorsOwn)
    {
        var programme = (await PostAsync(Caller.Office, "{ programmes { id } }")).GetProperty("data").GetProperty("programmes")[0].GetProperty("id").GetString()!;
        var year = SuiteClock.Today.Year;
        var project = await MutateAsync(Caller.Office, "registerProject", "RegisterProjectInput", new
        {
            idempotencyKey = Key(),
            programmeId = programme,
            name = contractorsOwn ? "测试道路（本单位）" : "测试道路（他单位）",
            category = "ROAD",
            township = "高新街道",
            scale = "全长800米",
            totalInvestment = 50_000_000m,
            plannedStart = $"{year}-01-01",
            plannedCompletion = $"{year + 1}-12-31",
            leaderId = "Leader:leader-wang",
            leadUnitId = "Unit:区住建局",
            responsibleUnitId = "Unit:区住建局",
            contractorUnitIds = new[] { contractorsOwn ? $"Unit:{ContractorUnit}" : "Unit:其他施工单位" },
        }, "project { id } errors { code message field }");
        var id = project.GetProperty("project").GetProperty("id").GetString()!;
        await MutateAsync(Caller.Office, "planNode", "PlanNodeInput", new { idempotencyKey = Key(), projectId = id, kind = "PERMITS", plannedDate = $"{year}-12-31" });
        await MutateAsync(Caller.Office, "setAnnualPlan", "SetAnnualPlanInput",
            new { idempotencyKey = Key(), projectId = id, year, monthly = Enumerable.Repeat(1_000_000m, 12).ToArray() });
        return id;
    }

    /// <summary>The month before this one by the suite's clock, as its first day (a month that may be reported).</summary>
    public static string LastMonth() => SuiteClock.Today.AddMonths(-1).ToString("yyyy-MM-01", CultureInfo.InvariantCulture);

    /// <summary>Today in China by the suite's clock, <c>yyyy-MM-dd</c>.</summary>
    public static string Today() => SuiteClock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A contractor's pending investment report on a fresh own project; returns its id.</summary>
    public async Task<string> PendingReportAsync()
    {
        var project = await FreshProjectAsync(contractorsOwn: true);
        var payload = await MutateAsync(Caller.OwnContractor, "reportInvestment", "ReportInvestmentInput",
            new { idempotencyKey = Key(), projectId = project, month = LastMonth(), amount = 2_000_000m }, "report { id } errors { code message field }");
        return payload.GetProperty("report").GetProperty("id").GetString()!;
    }

    public static decimal Amount(JsonElement value) =>
        decimal.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
