using System.Text.Json;

namespace KeyWorks.Server.Tests.Api;

/// <summary>
/// The project list with nodes for a 500-project programme runs a bounded number of SQL statements, counted in
/// PostgreSQL's own statement log: none per project, live or as of a past moment.
/// </summary>
[Collection(nameof(ScaledServerCollection))]
public sealed class listing_500_projects(ScaledServer scaled) : IClassFixture<ScaledServer>
{
    // Live reads come from memory (0 statements measured); an as-of read takes the position as of the time and, unless
    // that model is kept, one streamed read of the log up to it (2, plus Npgsql's reset of each pooled connection it
    // takes: 4-5 measured). The store's feed may poll meanwhile (every 2 s). A resolver reading per project runs 500 more.
    private const int MaxStatements = 10;

    private const string Query = """
        query($asOf: DateTime) {
          projects(first: 500, asOf: $asOf) {
            totalCount
            nodes { id name status leader { name } responsibleUnit { name }
                    figures { asOfDate light annualCompletionRate totalCompletionRate completedSinceStart }
                    nodes { id name status plannedDate actualDate overdueDays } }
          }
        }
        """;

    [Fact]
    public async Task the_live_list_runs_no_statement_per_project()
    {
        var token = await scaled.LoginAsync("office-zhou", "office-demo");

        var (result, statements) = await scaled.CountStatementsAsync(() => scaled.PostAsync(Query, new { asOf = (string?)null }, token));

        var projects = Projects(result);
        Assert.Equal(ScaledServer.Projects, projects.GetArrayLength());
        Assert.All(projects.EnumerateArray(), p => Assert.NotEqual(0, p.GetProperty("nodes").GetArrayLength()));
        Assert.True(statements.Count <= MaxStatements, $"{statements.Count} statements:\n{string.Join('\n', statements)}");
    }

    [Fact]
    public async Task the_list_as_of_a_past_moment_runs_a_fixed_number_of_statements()
    {
        var token = await scaled.LoginAsync("office-zhou", "office-demo");
        var variables = new { asOf = "2026-06-30T23:59:59+08:00" };

        var (first, firstStatements) = await scaled.CountStatementsAsync(() => scaled.PostAsync(Query, variables, token));
        var (again, againStatements) = await scaled.CountStatementsAsync(() => scaled.PostAsync(Query, variables, token));

        var projects = Projects(first);
        Assert.Equal(ScaledServer.Projects, projects.GetArrayLength());
        Assert.All(projects.EnumerateArray(), p => Assert.Equal("2026-06-30", p.GetProperty("figures").GetProperty("asOfDate").GetString()));
        Assert.Equal(first.GetRawText(), again.GetRawText());
        // The log does record this server's statements: the as-of read asks for the position as of that time.
        Assert.Contains(firstStatements, s => s.Contains("event_batches", StringComparison.Ordinal));
        Assert.True(firstStatements.Count <= MaxStatements, $"{firstStatements.Count} statements:\n{string.Join('\n', firstStatements)}");
        Assert.True(againStatements.Count <= MaxStatements, $"{againStatements.Count} statements:\n{string.Join('\n', againStatements)}");
    }

    private static JsonElement Projects(JsonElement result) =>
        result.TryGetProperty("errors", out var errors)
            ? throw new InvalidOperationException(errors.ToString())
            : result.GetProperty("data").GetProperty("projects").GetProperty("nodes");
}

/// <summary>
/// Loading 500 projects takes both cores for most of a minute: the class runs on its own, after the others, so the
/// timing-sensitive start-up tests do not share the machine with it.
/// </summary>
[CollectionDefinition(nameof(ScaledServerCollection), DisableParallelization = true)]
public sealed class ScaledServerCollection;
