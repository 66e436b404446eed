using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Benchmarks;

/// <summary>The benchmark schema and data, the same as node/shared.mjs builds for graphql-js.</summary>
internal static class BenchmarkSchema
{
    public const string BigQuery = "{ items { id name code description price quantity active rating category owner city district budget spent progress phase contractor startYear endYear children { id name value } } }";

    public const string SmallQuery = "{ item(id: \"7\") { id name price } }";

    public static readonly string Sdl = File.ReadAllText(Path.Combine(Program.ProjectDirectory, "node", "schema.graphql"));

    public sealed record Child(string Id, string Name, int Value);

    public sealed record Item(
        string Id, string Name, string Code, string Description, double Price, int Quantity, bool Active, double Rating,
        string Category, string Owner, string City, string District, double Budget, double Spent, int Progress,
        string Phase, string Contractor, int StartYear, int EndYear, IReadOnlyList<Child> Children);

    public static IReadOnlyList<Item> MakeItems() => Enumerable.Range(0, 100).Select(i => new Item(
        i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"item {i}", $"C{i}", $"description of item {i}", i * 1.5, i, i % 2 == 0,
        (i % 5) + 0.5, $"cat{i % 7}", $"owner{i % 11}", "Chengdu", $"district{i % 4}", i * 1000.25, i * 500.5, i % 100,
        "build", $"contractor{i % 3}", 2020 + (i % 5), 2025 + (i % 5),
        Enumerable.Range(0, 6).Select(j => new Child($"{i}-{j}", $"child {j}", (i * 10) + j)).ToList())).ToList();

    public static Schema Build()
    {
        var items = MakeItems();
        return SchemaBuilder.FromSdl(Sdl)
            .Bind("Query.items", _ => items)
            .Bind("Query.item", c => items[int.Parse(c.Argument<string>("id")!, System.Globalization.CultureInfo.InvariantCulture)])
            .Bind("Query.hello", _ => "world")
            .Build();
    }
}
