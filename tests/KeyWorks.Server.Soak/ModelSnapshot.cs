using System.Text.Json;

namespace KeyWorks.Server.Soak;

/// <summary>
/// What the read model answers, as the office sees it: the overview, every project with its figures, nodes and report
/// counts, and the problems by stage. Two servers whose snapshots are equal hold equal read models for these reads.
/// </summary>
public static class ModelSnapshot
{
    private const string Query = """
        {
          overview { projectCount startedCount startRate overdueProblemCount problemsRaised problemsClosed lights { light count }
                     figures { completedThisYear completedSinceStart totalCompletionRate annualCompletionRate } }
          projects(first: 100) { totalCount nodes { id status
            figures { completedThisYear completedThisMonth completedSinceStart physicalProgress progressGap light }
            nodes { id status actualDate reportedDate }
            reports(first: 1) { totalCount } history(first: 1) { totalCount } } }
          problems(first: 1) { totalCount countsByStage { stage count overdue } }
        }
        """;

    /// <summary>The snapshot's JSON text, or throws when the server does not answer it.</summary>
    public static async Task<string> TakeAsync(Uri server, CancellationToken cancellationToken)
    {
        using var api = new ApiClient(server, TimeSpan.FromSeconds(60));
        var token = await api.LoginAsync(SoakServer.OfficeUser, SoakServer.OfficePassword, cancellationToken);
        var answer = await api.PostAsync(Query, null, token, cancellationToken);
        return answer.Body is { } body && body.TryGetProperty("data", out var data) && !body.TryGetProperty("errors", out _)
            ? JsonSerializer.Serialize(data)
            : throw new InvalidOperationException("snapshot failed: " + answer.Body);
    }

    /// <summary>
    /// Compares the running server's snapshot with that of a fresh server process on the same database (a rebuild from the
    /// events), allowing the running one a little time to catch up; returns null when equal, else where they first differ.
    /// </summary>
    public static async Task<string?> CompareWithRebuildAsync(SoakServer server, CancellationToken cancellationToken)
    {
        await using var rebuilt = await server.StartRebuiltAsync(cancellationToken);
        var expected = await TakeAsync(rebuilt.BaseAddress, cancellationToken);
        string actual = "";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            actual = await TakeAsync(server.BaseAddress, cancellationToken);
            if (actual == expected)
            {
                return null;
            }

            await Task.Delay(500, cancellationToken);
        }

        var at = Enumerable.Range(0, Math.Min(actual.Length, expected.Length)).FirstOrDefault(i => actual[i] != expected[i]);
        return $"differs at {at}: running …{Slice(actual, at)}… rebuilt …{Slice(expected, at)}…";

        static string Slice(string text, int at) => text.Substring(Math.Max(0, at - 80), Math.Min(160, text.Length - Math.Max(0, at - 80)));
    }
}
