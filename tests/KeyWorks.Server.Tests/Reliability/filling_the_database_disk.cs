using System.Diagnostics;
using KeyWorks.EventStore.LocalCluster;
using KeyWorks.Server.Soak;
using Npgsql;

namespace KeyWorks.Server.Tests.Reliability;

/// <summary>
/// The database's tables in a tablespace on a small tmpfs (mounted for the test; needs root), filled up: writes are
/// refused with a retriable <c>STORAGE_FULL</c>, and once space is freed nothing acknowledged is lost and the read model
/// equals a rebuild.
/// </summary>
[Collection(ReliabilityRuns.Name)]
public sealed class filling_the_database_disk
{
    private const string RaiseProblem = "mutation($input: RaiseProblemInput!) { raiseProblem(input: $input) { problem { id } errors { code } } }";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_full_disk_answers_storage_full_and_after_space_is_freed_nothing_acknowledged_is_lost_or_changed()
    {
        var mount = Path.Combine(Path.GetTempPath(), $"keyworks-full-{Guid.NewGuid():N}");
        Directory.CreateDirectory(mount);
        if (Environment.UserName != "root" || await RunAsync("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mount) != 0)
        {
            Directory.Delete(mount);
            Assert.Skip("mounting a small tmpfs needs root");
        }

        try
        {
            await RunAsync("chown", "postgres:postgres", mount);
            await using var server = await SoakServer.StartAsync(ReliabilityRuns.Folder(), 1, durable: false, Cancellation, (cluster, ct) => MoveToAsync(cluster, mount, ct));
            await FillAndFreeAsync(server, Path.Combine(mount, "filler"));
        }
        finally
        {
            await RunAsync("umount", mount);
            Directory.Delete(mount, recursive: true);
        }
    }

    private static async Task FillAndFreeAsync(SoakServer server, string filler)
    {
        using var api = new ApiClient(server.BaseAddress, TimeSpan.FromSeconds(30));
        var contractor = server.Contractors[0];
        var token = await api.LoginAsync(contractor.UserName, contractor.Password, Cancellation);
        object Input(int n) => new { input = new { idempotencyKey = $"full-{n}", projectId = contractor.ProjectId, category = "FUNDING", description = $"磁盘将满 {n} " + new string('满', 400) } };

        await FillAsync(filler);
        var acknowledged = new List<int>();
        ApiAnswer? refused = null;
        for (var n = 0; n < 3000 && refused is null; n++)
        {
            var answer = await api.PostAsync(RaiseProblem, Input(n), token, Cancellation);
            if (answer.Data("raiseProblem") is not null)
            {
                acknowledged.Add(n);
            }
            else
            {
                refused = answer;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal("STORAGE_FULL", refused.ErrorCode);
        Assert.True(refused.Retriable && refused.Status < 500, refused.Body.ToString());
        var refusedKey = acknowledged.Count;

        File.Delete(filler);
        var again = await api.PostAsync(RaiseProblem, Input(refusedKey), token, Cancellation);
        Assert.True(again.Data("raiseProblem") is not null, again.Body.ToString());
        foreach (var n in acknowledged.Append(refusedKey))
        {
            Assert.Equal(1, await losing_the_database_or_the_server.StoredAsync(server, $"api:{contractor.UserName}:full-{n}"));
        }

        Assert.Null(await ModelSnapshot.CompareWithRebuildAsync(server, Cancellation));
    }

    /// <summary>Moves the (still unused) database into a tablespace at <paramref name="location"/>.</summary>
    private static async Task MoveToAsync(LocalPostgresCluster cluster, string location, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionStringFor("postgres"));
        await using var create = dataSource.CreateCommand($"CREATE TABLESPACE small_disk LOCATION '{location}'");
        await create.ExecuteNonQueryAsync(cancellationToken);
        await using var move = dataSource.CreateCommand("ALTER DATABASE keyworks SET TABLESPACE small_disk");
        await move.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Writes until the disk refuses.</summary>
    private static async Task FillAsync(string path)
    {
        var chunk = new byte[64 * 1024];
        // Unbuffered, so nothing is left to flush (and fail) when the file is closed.
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            while (true)
            {
                await file.WriteAsync(chunk, Cancellation);
            }
        }
        catch (IOException)
        {
        }
    }

    private static async Task<int> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync(Cancellation);
        return process.ExitCode;
    }
}
