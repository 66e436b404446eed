using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Tests.Execution;

public sealed class coercing_provided_scalars_and_enums
{
    private enum ProjectStatus
    {
        Planned,
        UnderConstruction,
    }

    private const string Sdl = """
        scalar Date
        scalar DateTime
        scalar Decimal
        scalar Long
        enum ProjectStatus { PLANNED UNDER_CONSTRUCTION }
        type Query {
          shift(day: Date!, days: Int!): Date!
          recordedAt: DateTime!
          total(amounts: [Decimal!]!): Decimal!
          big(value: Long!): Long!
          status(current: ProjectStatus!): ProjectStatus!
        }
        """;

    private static readonly Schema Schema = SchemaBuilder.FromSdl(Sdl)
        .Bind("Query.shift", c => c.Argument<DateOnly>("day").AddDays(c.Argument<int>("days")))
        .Bind("Query.recordedAt", _ => new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.FromHours(8)))
        .Bind("Query.total", c => ((IEnumerable<object?>)c.Arguments["amounts"]!).Cast<decimal>().Sum())
        .Bind("Query.big", c => c.Argument<long>("value") + 1)
        .Bind("Query.status", c => c.Argument<ProjectStatus>("current") == ProjectStatus.Planned ? ProjectStatus.UnderConstruction : ProjectStatus.Planned)
        .BindEnum<ProjectStatus>("ProjectStatus")
        .Build();

    private static async Task<string> Run(string query, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var result = await Executor.ExecuteAsync(Schema, new ExecutionRequest { Query = query, Variables = variables }, cancellationToken: TestContext.Current.CancellationToken);
        return ResultJson.ToJson(result);
    }

    [Fact]
    public async Task dates_come_in_and_go_out_as_iso_text()
    {
        var json = await Run("query($d: Date!) { a: shift(day: $d, days: 30) b: shift(day: \"2026-12-31\", days: 1) recordedAt }", new Dictionary<string, object?> { ["d"] = "2026-02-15" });

        Assert.Equal("{\"data\":{\"a\":\"2026-03-17\",\"b\":\"2027-01-01\",\"recordedAt\":\"2026-03-01T08:30:00+08:00\"}}", json);
    }

    [Fact]
    public async Task a_malformed_date_variable_is_refused_with_its_path()
    {
        var json = await Run("query($d: Date!) { shift(day: $d, days: 1) }", new Dictionary<string, object?> { ["d"] = "15/02/2026" });

        Assert.Contains("""Variable \"$d\" got invalid value \"15/02/2026\"; Date cannot represent value""", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task decimals_keep_their_exact_value()
    {
        var json = await Run("{ total(amounts: [\"0.1\", 0.2, 1]) }");

        Assert.Equal("{\"data\":{\"total\":1.3}}", json);
    }

    [Fact]
    public async Task longs_pass_beyond_32_bits()
    {
        var json = await Run("{ big(value: 9007199254740993) }");

        Assert.Equal("{\"data\":{\"big\":9007199254740994}}", json);
    }

    [Fact]
    public async Task clr_enums_map_to_screaming_case_values()
    {
        var json = await Run("{ status(current: PLANNED) }");

        Assert.Equal("{\"data\":{\"status\":\"UNDER_CONSTRUCTION\"}}", json);
    }
}
