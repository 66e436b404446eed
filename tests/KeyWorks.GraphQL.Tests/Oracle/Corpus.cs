using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KeyWorks.GraphQL.Tests.Oracle;

/// <summary>One document of the corpus, with the schema it runs against and optional variables and operation name.</summary>
public sealed record CorpusCase(string Id, string Schema, string Document, JsonObject? Variables, string? OperationName);

/// <summary>
/// The corpus under <c>Corpus/</c>: each <c>*.graphql</c> file names its schema on the first line
/// (<c># schema: zoo</c>) and holds cases separated by <c># === title</c> lines; a case may start with
/// <c># variables: {json}</c> and <c># operation: Name</c> comment lines.
/// </summary>
public static class Corpus
{
    public static string ProjectDirectory { get; } = typeof(Corpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "ProjectDirectory").Value!;

    public static string Directory => Path.Combine(ProjectDirectory, "Corpus");

    private static readonly Lazy<IReadOnlyList<CorpusCase>> Loaded = new(Load);

    public static IReadOnlyList<CorpusCase> Cases => Loaded.Value;

    public static CorpusCase Get(string id) => Cases.First(c => c.Id == id);

    public static string SchemaSdl(string name) => File.ReadAllText(Path.Combine(Directory, "schemas", name + ".graphql"));

    public static string SchemaData(string name) => File.ReadAllText(Path.Combine(Directory, "schemas", name + ".json"));

    private static List<CorpusCase> Load()
    {
        var cases = new List<CorpusCase>();
        foreach (var path in System.IO.Directory.GetFiles(Directory, "*.graphql").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileNameWithoutExtension(path);
            var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var header = lines[0];
            if (!header.StartsWith("# schema: ", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{path} must start with '# schema: NAME'.");
            }

            var schema = header["# schema: ".Length..].Trim();
            string? title = null;
            var body = new List<string>();
            void Flush()
            {
                if (title is null)
                {
                    return;
                }

                var document = string.Join('\n', body).TrimEnd() + "\n";
                JsonObject? variables = null;
                string? operation = null;
                foreach (var line in body.TakeWhile(l => l.StartsWith('#')))
                {
                    if (line.StartsWith("# variables: ", StringComparison.Ordinal))
                    {
                        variables = JsonNode.Parse(line["# variables: ".Length..])!.AsObject();
                    }
                    else if (line.StartsWith("# operation: ", StringComparison.Ordinal))
                    {
                        operation = line["# operation: ".Length..].Trim();
                    }
                }

                cases.Add(new CorpusCase($"{fileName}: {title}", schema, document, variables, operation));
            }

            foreach (var line in lines.Skip(1))
            {
                if (line.StartsWith("# === ", StringComparison.Ordinal))
                {
                    Flush();
                    title = line["# === ".Length..].Trim();
                    body.Clear();
                }
                else
                {
                    body.Add(line);
                }
            }

            Flush();
        }

        var duplicates = cases.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidDataException("Duplicate corpus case titles: " + string.Join(", ", duplicates));
        }

        return cases;
    }

    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = false };
}
