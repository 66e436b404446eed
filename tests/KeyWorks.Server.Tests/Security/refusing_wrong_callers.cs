using System.Text.Json;
using KeyWorks.Server.Api;
using KeyWorks.Server.Tests.Api.Mutations;

namespace KeyWorks.Server.Tests.Security;

/// <summary>
/// Every mutation of the served schema (read by introspection, inputs generated from its input type, every id field
/// pointing at a project the demo contractor has no part in) is refused to anonymous callers (<c>UNAUTHENTICATED</c>),
/// to auditors and leaders, and to a contractor of another project (<c>FORBIDDEN</c>), and appends nothing.
/// Unlike the hand-written role matrix, a new mutation or input field is covered here without a new row.
/// </summary>
[Collection(SecurityChecks.Name)]
public sealed class refusing_wrong_callers(SecurityServer server)
{
    private static readonly Caller[] NeverAllowed = [Caller.Anonymous, Caller.Auditor, Caller.Leader, Caller.ForeignContractor];

    private readonly Scenario _scenario = new(server);

    [Fact]
    public async Task every_generated_mutation_is_refused_to_every_wrong_role_and_to_a_foreign_contractor_and_appends_nothing()
    {
        var inputs = await MutationInputs.ReadAsync(server);
        var foreign = await ForeignRecords.FindAsync(_scenario);
        var bound = KeyWorksApi.BuildSchema().MutationType!;
        var tried = 0;
        var failures = new List<string>();
        foreach (var mutation in inputs.Mutations.Where(m => m.Name != "login" && bound.GetField(m.Name)?.Resolver is not null))
        {
            foreach (var caller in NeverAllowed)
            {
                var input = inputs.Generate(mutation.InputType, foreign.IdFor);
                var document = Scenario.Document(mutation.Name, mutation.InputType, "__typename");
                var before = await _scenario.EventCountAsync();
                var response = await _scenario.PostAsync(caller, document, new { input });
                var appended = await _scenario.EventCountAsync() - before;
                var expected = caller == Caller.Anonymous ? "UNAUTHENTICATED" : "FORBIDDEN";
                tried++;
                if (Refusal(response, mutation.Name, expected) is { } problem)
                {
                    failures.Add($"{mutation.Name} as {caller} with {input.ToJsonString()}: {problem}");
                }
                else if (appended != 0)
                {
                    failures.Add($"{mutation.Name} as {caller}: refused but appended {appended} event(s)");
                }
            }
        }

        Assert.Empty(failures);
        // Every bound mutation but login, four callers each: the generator must not silently skip any.
        Assert.True(tried >= 4 * 17, $"only {tried} calls were generated");
    }

    private static string? Refusal(JsonElement response, string name, string code)
    {
        var got = response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;
        if (got != code)
        {
            return $"expected {code}, got {response}";
        }

        return response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.GetProperty(name).ValueKind != JsonValueKind.Null
            ? $"refused but answered {data}"
            : null;
    }
}
