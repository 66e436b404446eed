using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KeyWorks.GraphQL.Http;

namespace KeyWorks.GraphQL.Tests.Http;

public sealed class serving_graphql_over_http(GraphQLServer server) : IClassFixture<GraphQLServer>
{
    private static readonly HttpClient Client = new();

    private Uri Endpoint => new(server.Address, "/graphql");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Post(Uri uri, string json, string accept = "application/graphql-response+json, application/json;q=0.9")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private async Task<(HttpStatusCode Status, string? MediaType, JsonNode? Body)> Send(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task a_post_with_json_runs_the_query()
    {
        var (status, mediaType, body) = await Send(Post(Endpoint, """{"query":"query Q($n: String) { hello(name: $n) }","variables":{"n":"Ada"}}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/graphql-response+json", mediaType);
        Assert.Equal("Hello, Ada!", body!["data"]!["hello"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_get_runs_a_query_from_the_url()
    {
        var uri = new Uri(Endpoint, "?query=" + Uri.EscapeDataString("{ projects { id } }"));

        var (status, _, body) = await Send(new HttpRequestMessage(HttpMethod.Get, uri));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, body!["data"]!["projects"]!.AsArray().Count);
    }

    [Fact]
    public async Task a_mutation_over_get_is_refused_with_405()
    {
        var uri = new Uri(Endpoint, "?query=" + Uri.EscapeDataString("mutation { rename(id: 1, name: \"x\") { id } }"));

        using var response = await Client.GetAsync(uri, Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task the_operation_name_picks_the_operation()
    {
        var (_, _, body) = await Send(Post(Endpoint, """{"query":"query A { a: hello } query B { b: hello(name: \"B\") }","operationName":"B"}"""));

        Assert.Equal("Hello, B!", body!["data"]!["b"]!.GetValue<string>());
    }

    [Fact]
    public async Task malformed_json_is_a_400_and_the_server_keeps_serving()
    {
        var (status, _, body) = await Send(Post(Endpoint, """{"query": "{ hello }" """));
        var (afterwards, _, _) = await Send(Post(Endpoint, """{"query":"{ hello }"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("The request body is not valid JSON", body!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterwards);
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_unsupported_media()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent("{ hello }", Encoding.UTF8, "application/graphql") };

        var (status, _, _) = await Send(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task a_validation_error_is_400_with_graphql_response_json()
    {
        var (status, _, body) = await Send(Post(Endpoint, """{"query":"{ nope }"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Null(body!["data"]);
        Assert.Equal("Cannot query field \"nope\" on type \"Query\".", body["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_validation_error_is_200_with_application_json()
    {
        var (status, mediaType, _) = await Send(Post(Endpoint, """{"query":"{ nope }"}""", "application/json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", mediaType);
    }

    [Fact]
    public async Task an_unacceptable_accept_header_is_406()
    {
        var (status, _, _) = await Send(Post(Endpoint, """{"query":"{ hello }"}""", "text/xml"));

        Assert.Equal(HttpStatusCode.NotAcceptable, status);
    }

    [Fact]
    public async Task a_ten_megabyte_body_is_refused_with_413()
    {
        var json = "{\"query\":\"{ hello }\",\"padding\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";

        var (status, _, _) = await Send(Post(Endpoint, json));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task a_persisted_document_runs_by_its_hash()
    {
        var hash = PersistedDocuments.Hash(GraphQLServer.PersistedQuery);

        var (status, _, body) = await Send(Post(Endpoint, $$"""{"documentId":"sha256:{{hash}}"}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Hello, persisted!", body!["data"]!["hello"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_unknown_hash_is_reported_as_not_found()
    {
        var (_, _, body) = await Send(Post(Endpoint, """{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"00ff"}}}"""));

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_allow_list_refuses_documents_it_does_not_hold()
    {
        var allowList = new Uri(server.AllowListAddress, "/graphql");

        var (refusedStatus, _, refused) = await Send(Post(allowList, """{"query":"{ hello }"}"""));
        var (allowedStatus, _, _) = await Send(Post(allowList, new JsonObject { ["query"] = GraphQLServer.PersistedQuery }.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        Assert.Equal("PERSISTED_QUERY_REQUIRED", refused!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, allowedStatus);
    }

    [Fact]
    public async Task hostile_documents_are_refused_and_the_server_keeps_serving()
    {
        var deep = string.Concat(Enumerable.Repeat("{ a ", 10_000)) + new string('}', 10_000);
        var aliases = "{ " + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"h{i}: hello")) + " }";
        var cycle = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }";

        foreach (var query in new[] { deep, aliases, cycle })
        {
            var (status, _, body) = await Send(Post(Endpoint, new JsonObject { ["query"] = query }.ToJsonString()));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.NotNull(body!["errors"]![0]!["message"]);
        }

        var (okStatus, _, _) = await Send(Post(Endpoint, """{"query":"{ hello }"}"""));
        Assert.Equal(HttpStatusCode.OK, okStatus);
    }

    [Fact]
    public async Task introspection_can_be_denied_to_a_caller()
    {
        var denied = Post(Endpoint, """{"query":"{ __schema { queryType { name } } }"}""");
        denied.Headers.Add("X-Introspection", "off");

        var (deniedStatus, _, deniedBody) = await Send(denied);
        var (allowedStatus, _, allowedBody) = await Send(Post(Endpoint, """{"query":"{ __schema { queryType { name } } }"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, deniedStatus);
        Assert.Equal("INTROSPECTION_DISABLED", deniedBody!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, allowedStatus);
        Assert.Equal("Query", allowedBody!["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task other_methods_are_not_allowed()
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, Endpoint), Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task a_null_for_a_required_variable_is_a_request_error()
    {
        var (status, _, body) = await Send(Post(Endpoint, """{"query":"query($id: ID!) { project(id: $id) { name } }","variables":{"id":null}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("must not be null", body!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
