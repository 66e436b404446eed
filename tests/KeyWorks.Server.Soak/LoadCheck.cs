using Npgsql;

namespace KeyWorks.Server.Soak;

/// <summary>
/// The server's records against the clients' log: every acknowledged report stored exactly once, nothing stored for a
/// rejected one, at most once for one whose answer never came, nothing the clients did not send; and the API's problem
/// count grown by exactly the problems stored.
/// </summary>
public sealed record LoadCheck(int Acknowledged, int Lost, int Doubled, int RejectedButStored, int UnknownStored, int Unexpected, int ProblemsCounted, int ProblemsStored)
{
    public bool Passed => Lost == 0 && Doubled == 0 && RejectedButStored == 0 && Unexpected == 0 && ProblemsCounted == ProblemsStored;

    /// <summary>Reads the events carrying the clients' keys (<c>api:{user}:{key}</c>) and compares.</summary>
    public static async Task<LoadCheck> RunAsync(SoakServer server, LoadResult load, int problemsBefore, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, (int Count, string Type)>(StringComparer.Ordinal);
        await using (var dataSource = NpgsqlDataSource.Create(server.ConnectionString))
        await using (var command = dataSource.CreateCommand(
            "SELECT idempotency_key, count(*), min(type) FROM keyworks.events WHERE idempotency_key LIKE 'api:soak-c%' GROUP BY idempotency_key"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[reader.GetString(0)] = ((int)reader.GetInt64(1), reader.GetString(2));
            }
        }

        int acknowledged = 0, lost = 0, doubled = 0, rejectedButStored = 0, unknownStored = 0;
        var sent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in load.Log)
        {
            var key = $"api:{report.UserId}:{report.Key}";
            sent.Add(key);
            var count = stored.TryGetValue(key, out var s) ? s.Count : 0;
            doubled += count > 1 ? 1 : 0;
            switch (report.Outcome)
            {
                case SendOutcome.Acknowledged:
                    acknowledged++;
                    lost += count == 0 ? 1 : 0;
                    break;
                case SendOutcome.Rejected:
                    rejectedButStored += count > 0 ? 1 : 0;
                    break;
                default:
                    unknownStored += count > 0 ? 1 : 0;
                    break;
            }
        }

        var unexpected = stored.Keys.Count(k => !sent.Contains(k));
        var problemsStored = stored.Values.Count(v => v.Type == "problem-raised");
        var problemsCounted = await ProblemCountAsync(server, cancellationToken) - problemsBefore;
        return new LoadCheck(acknowledged, lost, doubled, rejectedButStored, unknownStored, unexpected, problemsCounted, problemsStored);
    }

    /// <summary>The API's count of problems (as the office sees them), once the read model has caught up.</summary>
    public static async Task<int> ProblemCountAsync(SoakServer server, CancellationToken cancellationToken)
    {
        using var api = new ApiClient(server.BaseAddress, TimeSpan.FromSeconds(60));
        var token = await api.LoginAsync(SoakServer.OfficeUser, SoakServer.OfficePassword, cancellationToken);
        var answer = await api.PostAsync("{ problems(first: 1) { totalCount } }", null, token, cancellationToken);
        return answer.Data("problems")?.GetProperty("totalCount").GetInt32() ?? throw new InvalidOperationException("no problem count: " + answer.Body);
    }

    public void Print(TextWriter output) => output.WriteLine(
        $"check against the clients' log: {Acknowledged} acknowledged, lost {Lost}, doubled {Doubled}, rejected but stored {RejectedButStored}, " +
        $"unanswered but stored {UnknownStored}, stored without a send {Unexpected}; problems counted by the API {ProblemsCounted}, stored {ProblemsStored} → {(Passed ? "PASS" : "FAIL")}");
}
