using KeyWorks.EventStore;
using Npgsql;

namespace KeyWorks.Server.Hosting;

/// <summary>
/// <c>GET /health</c>: healthy when the database answers; also says how many events the store holds and where the demo
/// load stands (<c>off</c>, <c>waiting</c>, <c>loading</c>, <c>loaded</c>, <c>skipped</c>, <c>failed</c>).
/// </summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (NpgsqlDataSource dataSource, PostgresEventStore store, DemoLoadStatus demo, CancellationToken cancellationToken) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(timeout.Token);
                var events = await store.GetHeadPositionAsync(timeout.Token);
                return Results.Json(new
                {
                    status = "healthy",
                    database = "ok",
                    events,
                    demo = new { state = demo.State.ToString().ToLowerInvariant(), done = demo.Done, total = demo.Total },
                });
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                return Results.Json(new { status = "unhealthy", database = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return endpoints;
    }
}
