using System.Security.Claims;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Tests.Execution;

public sealed class executing_requests
{
    private sealed record Project(int Id, string Name, int OwnerId);

    private sealed record Person(int Id, string Name);

    private const string Sdl = """
        type Query {
          projects(first: Int): [Project!]!
          me: String
          slow: String
          node(depth: Int): Node
        }
        type Project { id: ID! name: String! owner: Person }
        type Person { id: ID! name: String! }
        type Node { child: Node name: String }
        type Mutation { append(value: String!): [String!]! }
        """;

    private static readonly Project[] Projects = Enumerable.Range(1, 100).Select(i => new Project(i, $"Project {i}", i % 7)).ToArray();

    private static (Schema Schema, List<int> BatchSizes, List<string> Log) Build()
    {
        var batchSizes = new List<int>();
        var log = new List<string>();
        var schema = SchemaBuilder.FromSdl(Sdl)
            .Bind("Query.projects", c => Projects.Take(c.Argument<int?>("first") ?? Projects.Length).ToList())
            .Bind("Project.owner", c => new ValueTask<object?>(c.Loader<int, Person>("people", async (keys, ct) =>
            {
                lock (batchSizes)
                {
                    batchSizes.Add(keys.Count);
                }

                await Task.Delay(1, ct);
                return keys.ToDictionary(k => k, k => new Person(k, $"Person {k}"));
            }).LoadAsync(c.GetSource<Project>().OwnerId).ContinueWith(t => (object?)t.Result, TaskScheduler.Default)))
            .Bind("Query.me", c => c.Request.User.Identity?.Name)
            .Bind("Query.slow", async c =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), c.CancellationToken);
                return "never";
            })
            .Bind("Query.node", c => new Dictionary<string, object?> { ["name"] = "n" })
            .Bind("Mutation.append", async c =>
            {
                await Task.Delay(5 - log.Count, c.CancellationToken);
                lock (log)
                {
                    log.Add(c.Argument<string>("value")!);
                    return log.ToList();
                }
            })
            .AddSdl("schema { query: Query mutation: Mutation }")
            .Build();
        return (schema, batchSizes, log);
    }

    private static Task<ExecutionResult> Run(Schema schema, string query, RequestContext? context = null, ExecutionOptions? options = null) =>
        Executor.ExecuteAsync(schema, new ExecutionRequest { Query = query }, context, options, TestContext.Current.CancellationToken);

    [Fact]
    public async Task a_list_of_objects_loads_its_owners_in_one_batch()
    {
        var (schema, batchSizes, _) = Build();

        var result = await Run(schema, "{ projects { name owner { name } } }");

        Assert.Empty(result.Errors);
        Assert.Equal([7], batchSizes);
        Assert.Contains("\"owner\":{\"name\":\"Person 1\"}", ResultJson.ToJson(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task resolvers_see_the_user_of_the_request()
    {
        var (schema, _, _) = Build();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "li.wei")], "test"));

        var result = await Run(schema, "{ me }", new RequestContext(user));

        Assert.Equal("{\"data\":{\"me\":\"li.wei\"}}", ResultJson.ToJson(result));
    }

    [Fact]
    public async Task mutations_run_one_after_another()
    {
        var (schema, _, log) = Build();

        var result = await Run(schema, "mutation { a: append(value: \"1\") b: append(value: \"2\") c: append(value: \"3\") }");

        Assert.Equal(["1", "2", "3"], log);
        Assert.Equal("{\"data\":{\"a\":[\"1\"],\"b\":[\"1\",\"2\"],\"c\":[\"1\",\"2\",\"3\"]}}", ResultJson.ToJson(result));
    }

    [Fact]
    public async Task a_request_past_its_timeout_is_cancelled_with_a_timeout_error()
    {
        var (schema, _, _) = Build();

        var result = await Run(schema, "{ slow }", options: new ExecutionOptions { Timeout = TimeSpan.FromMilliseconds(50) });

        Assert.Contains(result.Errors, e => e.Code == "TIMEOUT");
    }

    [Fact]
    public async Task a_request_cancelled_by_the_caller_stops()
    {
        var (schema, _, _) = Build();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Executor.ExecuteAsync(schema, new ExecutionRequest { Query = "{ slow }" }, null, null, cancellation.Token));
    }

    [Fact]
    public async Task too_deep_an_operation_is_refused_before_execution()
    {
        var (schema, _, _) = Build();
        var query = "{ node " + string.Concat(Enumerable.Repeat("{ child ", 20)) + "{ name }" + new string('}', 20) + " }";

        var result = await Run(schema, query);

        Assert.False(result.HasData);
        Assert.Equal("MAX_DEPTH_EXCEEDED", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task too_costly_an_operation_is_refused_with_its_cost()
    {
        var (schema, _, _) = Build();

        var result = await Run(schema, "{ projects(first: 1000) { name owner { name } } }", options: new ExecutionOptions { MaxCost = 1000 });

        var error = Assert.Single(result.Errors);
        Assert.Equal("MAX_COST_EXCEEDED", error.Code);
        Assert.Contains("3001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task introspection_can_be_turned_off_for_a_caller()
    {
        var (schema, _, _) = Build();

        var refused = await Run(schema, "{ __schema { types { name } } }", options: new ExecutionOptions { AllowIntrospection = false });
        var typename = await Run(schema, "{ __typename }", options: new ExecutionOptions { AllowIntrospection = false });

        Assert.Equal("INTROSPECTION_DISABLED", Assert.Single(refused.Errors).Code);
        Assert.Empty(typename.Errors);
    }

    [Fact]
    public async Task unexpected_exceptions_are_reported_without_their_details()
    {
        var schema = SchemaBuilder.FromSdl("type Query { boom: String }")
            .Bind("Query.boom", _ => throw new InvalidOperationException("connection string leaked"))
            .Build();

        var result = await Run(schema, "{ boom }");

        var error = Assert.Single(result.Errors);
        Assert.Equal("Unexpected error.", error.Message);
        Assert.Equal("INTERNAL_SERVER_ERROR", error.Code);
        Assert.Equal(["boom"], error.Path!);
    }

    [Fact]
    public async Task unexpected_exceptions_the_application_knows_become_its_typed_errors()
    {
        var schema = SchemaBuilder.FromSdl("type Query { away: String, boom: String }")
            .Bind("Query.away", _ => throw new TimeoutException("database away"))
            .Bind("Query.boom", _ => throw new InvalidOperationException("a bug"))
            .Build();
        var options = new ExecutionOptions
        {
            TranslateException = e => e is TimeoutException ? new GraphQLException("Try again.", "DATABASE_UNAVAILABLE") : null,
        };

        var result = await Run(schema, "{ away boom }", options: options);

        Assert.Equal(["DATABASE_UNAVAILABLE", "INTERNAL_SERVER_ERROR"], result.Errors.OrderBy(e => e.Path![0]).Select(e => e.Code));
        Assert.Equal("Try again.", result.Errors.Single(e => e.Code == "DATABASE_UNAVAILABLE").Message);
    }

    [Fact]
    public async Task typed_errors_reach_the_client_with_their_code()
    {
        var schema = SchemaBuilder.FromSdl("type Query { guarded: String }")
            .Bind("Query.guarded", _ => throw new GraphQLException("You may not see this.", "FORBIDDEN"))
            .Build();

        var result = await Run(schema, "{ guarded }");

        Assert.Equal(
            "{\"errors\":[{\"message\":\"You may not see this.\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"guarded\"],\"extensions\":{\"code\":\"FORBIDDEN\"}}],\"data\":{\"guarded\":null}}",
            ResultJson.ToJson(result));
    }

    [Fact]
    public async Task the_full_introspection_query_fits_the_default_limits()
    {
        var (schema, _, _) = Build();

        var result = await Run(schema, KeyWorks.GraphQL.Introspection.IntrospectionQuery.Text);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task clr_objects_resolve_by_property_name()
    {
        var schema = SchemaBuilder.FromSdl("type Query { project: Project } type Project { id: ID! name: String! ownerId: Int }")
            .Bind("Query.project", _ => new Project(3, "Bridge", 9))
            .Build();

        var result = await Run(schema, "{ project { id name ownerId } }");

        Assert.Equal("{\"data\":{\"project\":{\"id\":\"3\",\"name\":\"Bridge\",\"ownerId\":9}}}", ResultJson.ToJson(result));
    }
}
