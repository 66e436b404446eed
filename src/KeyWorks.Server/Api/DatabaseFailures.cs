using KeyWorks.GraphQL;
using Npgsql;

namespace KeyWorks.Server.Api;

/// <summary>
/// The database failures a client should retry (a dropped or refused connection, a restarting or shutting-down server,
/// a full disk) as GraphQL errors with a stable code and <c>extensions.retriable = true</c>, instead of an internal error.
/// </summary>
/// <remarks>
/// A write whose connection broke may or may not have committed; a retry with the same idempotency key is answered
/// with the first run's result either way, so retrying is safe.
/// </remarks>
public static class DatabaseFailures
{
    /// <summary>SQLSTATE class 53 (insufficient resources) names a full disk <c>53100</c>.</summary>
    private const string DiskFull = "53100";

    /// <summary>The client-facing error for <paramref name="exception"/>, or null when it is not a retriable database failure.</summary>
    public static GraphQLException? ToRetriable(Exception exception)
    {
        // The store may wrap the driver's exception; the cause decides.
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: DiskFull })
            {
                return Retriable("The database's disk is full; nothing was recorded. Try again later (数据库磁盘已满，未保存，请稍后重试).",
                    "STORAGE_FULL");
            }

            if (e is NpgsqlException { IsTransient: true } or PostgresException { SqlState: ['0', '8', ..] or ['5', '7', 'P', ..] })
            {
                return Retriable("The database cannot be reached right now; try again (数据库暂时无法连接，请重试).", "DATABASE_UNAVAILABLE");
            }
        }

        return null;
    }

    private static GraphQLException Retriable(string message, string code) =>
        new(message, code, new Dictionary<string, object?> { ["retriable"] = true });
}
