using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Api;

/// <summary>
/// The running server's introspection, printed by graphql-js, equals the checked-in SDL printed the same way: the served
/// API does not drift from <c>schema/keyworks.graphql</c>.
/// </summary>
public sealed class serving_the_contract(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string ContractFolder => Path.Combine(ServerProcess.RepositoryRoot(), "tests", "KeyWorks.Server.Tests", "contract");

    [Fact]
    public async Task the_served_schema_prints_like_the_checked_in_sdl()
    {
        await using var server = ServerProcess.Start(new Dictionary<string, string> { ["KEYWORKS_DB"] = database.ConnectionString });
        Assert.True(await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), Cancellation), server.Errors);

        var query = await NodeAsync("--query");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await client.PostAsJsonAsync("graphql", new { query }, Cancellation);
        var introspection = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.IsSuccessStatusCode, introspection);
        using (var result = JsonDocument.Parse(introspection))
        {
            Assert.False(result.RootElement.TryGetProperty("errors", out _), introspection[..Math.Min(2000, introspection.Length)]);
        }

        var file = Path.Combine(Path.GetTempPath(), $"keyworks-introspection-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, introspection, Cancellation);
        try
        {
            var sdlFile = Path.Combine(ServerProcess.RepositoryRoot(), "schema", "keyworks.graphql");
            using var printed = JsonDocument.Parse(await NodeAsync(sdlFile, file));
            Assert.Equal(printed.RootElement.GetProperty("sdl").GetString(), printed.RootElement.GetProperty("served").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> NodeAsync(params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(ContractFolder, "node_modules")))
        {
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"]);
        }

        return await RunAsync("node", ["print-schema.mjs", .. arguments]);
    }

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = ContractFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(Cancellation);
        var errors = process.StandardError.ReadToEndAsync(Cancellation);
        await process.WaitForExitAsync(Cancellation);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed:\n{await errors}");
        return await output;
    }
}
