using System.Text.Json;
using KeyWorks.Server.Api;

namespace KeyWorks.Server.Tests.Api.Mutations;

/// <summary>One demo server shared by the mutation tests (they run one after another, so event counts stay exact).</summary>
[CollectionDefinition(Name)]
public sealed class MutationServer : ICollectionFixture<DemoServer>
{
    public const string Name = "mutations on one demo server";
}

/// <summary>
/// The role matrix: every mutation of the served schema, run as office, leader, the project's own contractor, a
/// contractor of another project, auditor and anonymous, is allowed or refused as its row in <see cref="MutationCases"/>
/// says, and a refused call appends nothing.
/// </summary>
[Collection(MutationServer.Name)]
public sealed class mutating_as_every_role(DemoServer demo)
{
    private readonly Scenario _scenario = new(demo);

    [Fact]
    public async Task every_mutation_of_the_served_schema_has_a_row_in_the_matrix()
    {
        var served = await ServedMutationsAsync();

        Assert.Empty(served.Except(MutationCases.All.Keys));
        Assert.Empty(MutationCases.All.Keys.Except(served));
    }

    [Fact]
    public void a_row_marked_unbound_is_unbound_and_every_other_row_is_bound()
    {
        var mutation = KeyWorksApi.BuildSchema().MutationType!;
        var wrong = MutationCases.All
            .Where(c => (mutation.GetField(c.Key)?.Resolver is null) != (c.Value.NotBoundYet is not null))
            .Select(c => c.Value.NotBoundYet is null ? $"{c.Key} has a case but is not bound" : $"{c.Key} is bound now: give it a real row")
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task each_mutation_is_allowed_or_refused_for_each_role_and_refusals_append_nothing()
    {
        var failures = new List<string>();
        foreach (var name in await ServedMutationsAsync())
        {
            var row = MutationCases.All[name];
            if (row.NotBoundYet is not null)
            {
                continue;
            }

            var prepared = new Dictionary<string, object>();
            // Refusals first, so an allowed run cannot change what a refused caller would have met.
            foreach (var caller in Enum.GetValues<Caller>().OrderBy(c => row.Allowed.Contains(c)))
            {
                var run = new CaseRun(_scenario, caller, prepared);
                var request = await row.Request(run);
                var before = await _scenario.EventCountAsync();
                var response = await _scenario.PostAsync(caller, request.Document, new { input = request.Input });
                var appended = await _scenario.EventCountAsync() - before;
                var problem = row.Allowed.Contains(caller)
                    ? Allowed(response, name, appended, row.Appends)
                    : Refused(response, name, appended, caller == Caller.Anonymous ? "UNAUTHENTICATED" : "FORBIDDEN");
                if (problem is not null)
                {
                    failures.Add($"{name} as {caller}: {problem}");
                }
            }
        }

        Assert.Empty(failures);
    }

    private static string? Allowed(JsonElement response, string name, long appended, bool appends)
    {
        if (response.TryGetProperty("errors", out var errors))
        {
            return $"expected to be allowed, got {errors}";
        }

        var payload = response.GetProperty("data").GetProperty(name);
        if (payload.GetProperty("errors").GetArrayLength() > 0)
        {
            return $"expected to succeed, got {payload.GetProperty("errors")}";
        }

        return appends && appended == 0 ? "allowed but appended no event" : null;
    }

    private static string? Refused(JsonElement response, string name, long appended, string code)
    {
        var got = response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;
        if (got != code)
        {
            return $"expected {code}, got {response}";
        }

        if (response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.GetProperty(name).ValueKind != JsonValueKind.Null)
        {
            return $"refused but answered {data}";
        }

        return appended != 0 ? $"refused but appended {appended} event(s)" : null;
    }

    /// <summary>The names of the Mutation type's fields, read from the served schema by introspection.</summary>
    private async Task<List<string>> ServedMutationsAsync()
    {
        var response = await demo.PostAsync("{ __type(name: \"Mutation\") { fields { name } } }");
        return [.. response.GetProperty("data").GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];
    }
}
