using System.Text.Json;
using System.Text.Json.Nodes;
using KeyWorks.Server.Tests.Api.Mutations;

namespace KeyWorks.Server.Tests.Security;

/// <summary>
/// SQL-injection and script strings in every text field of every mutation input (the fields read from the served
/// schema; the rest of each input from the role matrix's valid requests): each call succeeds, the text is stored in
/// the events exactly as sent, the tables are all still there, and the history before the call is unchanged.
/// </summary>
[Collection(SecurityChecks.Name)]
public sealed class storing_hostile_text(SecurityServer server)
{
    /// <summary>Classic injection strings in one: quotes, comments, a stacked statement, markup with handlers, a template.</summary>
    public const string Hostile = """Robert'); DROP TABLE keyworks.event_rows; -- ' OR '1'='1 "; SELECT pg_sleep(5); -- <script>alert("x")</script> "><img src=x onerror=alert(1)> \ ${7*7} {{7*7}}""";

    private readonly Scenario _scenario = new(server);
    private readonly EventLog _log = new(server.ConnectionString);

    [Fact]
    public async Task every_text_field_of_every_mutation_stores_hostile_text_verbatim_and_keeps_the_history_before_it()
    {
        var inputs = await MutationInputs.ReadAsync(server);
        var failures = new List<string>();
        var fieldsTried = 0;
        foreach (var mutation in inputs.Mutations.Where(m => MutationCases.All.TryGetValue(m.Name, out var row) && row.NotBoundYet is null && row.Appends))
        {
            var row = MutationCases.All[mutation.Name];
            var caller = row.Allowed.Contains(Caller.Office) ? Caller.Office : Caller.OwnContractor;
            var request = await row.Request(new CaseRun(_scenario, caller, []));
            var input = JsonSerializer.SerializeToNode(request.Input)!.AsObject();
            var texts = inputs.FieldsOf(mutation.InputType)
                .Where(f => f is { Type: "String", Kind: "SCALAR", IsList: false } && f.Name != "idempotencyKey")
                .ToDictionary(f => f.Name, f => $"{Hostile} [{f.Name}]");
            foreach (var (field, text) in texts)
            {
                input[field] = text;
            }

            var head = await _log.HeadAsync();
            var digest = await _log.DigestAsync(head);
            var response = await _scenario.PostAsync(caller, request.Document, new { input });
            if (response.TryGetProperty("errors", out var errors) || response.GetProperty("data").GetProperty(mutation.Name).GetProperty("errors").GetArrayLength() > 0)
            {
                failures.Add($"{mutation.Name}: refused {response}");
                continue;
            }

            var stored = (await _log.DataAfterAsync(head)).SelectMany(EventLog.Strings).ToHashSet(StringComparer.Ordinal);
            failures.AddRange(texts
                .Where(t => !stored.Contains(t.Value))
                .Select(t => $"{mutation.Name}.{t.Key}: not stored verbatim (events after {head}: {string.Join(" | ", stored)})"));
            fieldsTried += texts.Count;
            if (await _log.DigestAsync(head) != digest)
            {
                failures.Add($"{mutation.Name}: the events up to {head} changed");
            }
        }

        Assert.Empty(failures);
        Assert.True(fieldsTried >= 10, $"only {fieldsTried} text fields were tried");
        Assert.Equal(await _log.HeadAsync(), await _scenario.EventCountAsync());
        Assert.Null(await _log.TryExecuteAsync("SELECT 1 FROM keyworks.event_rows LIMIT 1"));
    }

    [Fact]
    public async Task a_hostile_project_name_reads_back_exactly_through_the_api()
    {
        var project = await _scenario.FreshProjectAsync(contractorsOwn: false);

        await _scenario.MutateAsync(Caller.Office, "amendProject", "AmendProjectInput", new { idempotencyKey = Scenario.Key(), projectId = project, name = Hostile, reason = "更名" });

        var read = await _scenario.PostAsync(Caller.Office, "query($id: ID!) { project(id: $id) { name } }", new { id = project });
        Assert.Equal(Hostile, read.GetProperty("data").GetProperty("project").GetProperty("name").GetString());
    }

    [Fact]
    public async Task text_with_a_nul_character_is_refused_with_a_clear_code_and_appends_nothing()
    {
        var project = await _scenario.FreshProjectAsync(contractorsOwn: false);
        var before = await _scenario.EventCountAsync();
        var response = await _scenario.PostAsync(Caller.Office, Scenario.Document("raiseProblem", "RaiseProblemInput"),
            new { input = new JsonObject { ["idempotencyKey"] = Scenario.Key(), ["projectId"] = project, ["category"] = "LAND", ["description"] = "征迁\u0000协调" } });
        var appended = await _scenario.EventCountAsync() - before;

        Assert.Equal(0, appended);
        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        var errors = response.GetProperty("data").GetProperty("raiseProblem").GetProperty("errors");
        Assert.Equal("INVALID_TEXT", errors[0].GetProperty("code").GetString());
        Assert.Equal(["input", "description"], errors[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task a_user_name_with_a_nul_character_is_an_unknown_user()
    {
        var response = await server.PostAsync("mutation($u: String!) { login(input: {username: $u, password: \"x\"}) { token errors { code } } }",
            new { u = "office-zhou\u0000" });

        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        var login = response.GetProperty("data").GetProperty("login");
        Assert.Equal(JsonValueKind.Null, login.GetProperty("token").ValueKind);
        Assert.Equal("UNAUTHENTICATED", login.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
