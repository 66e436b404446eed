using System.Diagnostics;
using System.Text.Json.Nodes;

namespace KeyWorks.GraphQL.Tests.Oracle;

/// <summary>
/// Runs graphql-js (npm <c>graphql</c>, installed under <c>oracle/</c> from its lock file) once, in one node
/// process, over every corpus case and introspection check, and keeps its answers.
/// </summary>
public sealed class GraphQLJsOracle
{
    private static readonly Lazy<GraphQLJsOracle> Shared = new(() => new GraphQLJsOracle());

    private GraphQLJsOracle()
    {
        var directory = Path.Combine(Corpus.ProjectDirectory, "oracle");
        EnsureInstalled(directory);
        var schemas = new JsonObject();
        foreach (var name in Corpus.Cases.Select(c => c.Schema).Distinct())
        {
            schemas[name] = new JsonObject { ["sdl"] = Corpus.SchemaSdl(name), ["data"] = JsonNode.Parse(Corpus.SchemaData(name)) };
        }

        var cases = new JsonArray();
        foreach (var c in Corpus.Cases)
        {
            cases.Add(new JsonObject
            {
                ["id"] = c.Id,
                ["schema"] = c.Schema,
                ["document"] = c.Document,
                ["variables"] = c.Variables?.DeepClone(),
                ["operationName"] = c.OperationName,
            });
        }

        var introspection = new JsonArray();
        foreach (var (id, sdl, result) in IntrospectionChecks.Results())
        {
            introspection.Add(new JsonObject { ["id"] = id, ["sdl"] = sdl, ["result"] = result });
        }

        var request = new JsonObject { ["schemas"] = schemas, ["cases"] = cases, ["introspection"] = introspection };
        var output = Run(directory, request.ToJsonString());
        var response = JsonNode.Parse(output)!.AsObject();
        Results = response["results"]!.AsObject();
        Introspection = response["introspection"]!.AsObject();
    }

    public static GraphQLJsOracle Instance => Shared.Value;

    public JsonObject Results { get; }

    public JsonObject Introspection { get; }

    private static void EnsureInstalled(string directory)
    {
        if (File.Exists(Path.Combine(directory, "node_modules", "graphql", "package.json")))
        {
            return;
        }

        try
        {
            Run(directory, null, "npm", "ci --no-audit --no-fund");
        }
        catch (Exception error)
        {
            throw new InvalidOperationException(
                $"graphql-js is not installed in {directory}/node_modules and 'npm ci' failed; run 'npm ci' in {directory}. ({error.Message})", error);
        }

        if (!File.Exists(Path.Combine(directory, "node_modules", "graphql", "package.json")))
        {
            throw new InvalidOperationException($"graphql-js is not installed in {directory}/node_modules; run 'npm ci' there.");
        }
    }

    private static string Run(string directory, string? input, string fileName = "node", string arguments = "oracle.mjs")
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish in 3 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {arguments} failed with exit code {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }
}
