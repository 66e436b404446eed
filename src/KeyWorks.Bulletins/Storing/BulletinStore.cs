using KeyWorks.Domain;
using Npgsql;

namespace KeyWorks.Bulletins.Storing;

/// <summary>
/// Bulletin runs and their PDFs in PostgreSQL (<c>keyworks.bulletins</c>, <c>keyworks.bulletin_pdfs</c>). Every state
/// change is one statement or one transaction, so a run is never half-recorded.
/// </summary>
public sealed class BulletinStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        bulletin_id, programme_id, month, issue, leader_id, leader_name, origin, requested_by, title, cutoff, status,
        failure, attempts, progress, queued_at, started_at, finished_at, duration_ms, content_hash, page_count,
        recommendations, published_at, published_by, frozen
        """;

    /// <summary>
    /// Queues a run. Returns the stored run and whether it is new: a repeated idempotency key returns the first run,
    /// and a scheduled month that is already queued (by any node) returns null.
    /// </summary>
    public async Task<(StoredBulletin Bulletin, bool Created)?> QueueAsync(BulletinOrder order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (order.IdempotencyKey is { } key && await FindByKeyAsync(key, cancellationToken) is { } earlier)
        {
            return (earlier, false);
        }

        await using var command = dataSource.CreateCommand($"""
            INSERT INTO keyworks.bulletins (bulletin_id, programme_id, month, issue, leader_id, leader_name, origin,
                requested_by, idempotency_key, title, cutoff, status, queued_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'queued', $12)
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue(Guid.CreateVersion7(now));
        command.Parameters.AddWithValue(order.ProgrammeId);
        command.Parameters.AddWithValue(order.Month.FirstDay);
        command.Parameters.AddWithValue(order.Issue);
        command.Parameters.AddWithValue((object?)order.LeaderId ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)order.LeaderName ?? DBNull.Value);
        command.Parameters.AddWithValue(order.Origin == BulletinOrigin.Schedule ? "schedule" : "request");
        command.Parameters.AddWithValue(order.RequestedBy);
        command.Parameters.AddWithValue((object?)order.IdempotencyKey ?? DBNull.Value);
        command.Parameters.AddWithValue(order.Title);
        command.Parameters.AddWithValue(order.Cutoff.ToUniversalTime());
        command.Parameters.AddWithValue(now.ToUniversalTime());
        var inserted = await ReadOneAsync(command, cancellationToken);
        if (inserted is not null)
        {
            return (inserted, true);
        }

        // Lost a race on the same key: answer with the winner's run.
        return order.IdempotencyKey is { } raced && await FindByKeyAsync(raced, cancellationToken) is { } winner ? (winner, false) : null;
    }

    public Task<StoredBulletin?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        ReadOneAsync(Command($"SELECT {Columns} FROM keyworks.bulletins WHERE bulletin_id = $1", id), cancellationToken);

    /// <summary>Runs newest first (by month, then by when queued), optionally of one programme, optionally published ones only.</summary>
    public async Task<IReadOnlyList<StoredBulletin>> ListAsync(
        string? programmeId, int skip, int take, CancellationToken cancellationToken, bool publishedOnly = false)
    {
        await using var command = Command($"""
            SELECT {Columns} FROM keyworks.bulletins
            WHERE ($1::text IS NULL OR programme_id = $1) AND (NOT $4 OR status = 'published')
            ORDER BY month DESC, queued_at DESC, bulletin_id DESC OFFSET $2 LIMIT $3
            """, (object?)programmeId ?? DBNull.Value, skip, take, publishedOnly);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<int> CountAsync(string? programmeId, CancellationToken cancellationToken, bool publishedOnly = false)
    {
        await using var command = Command(
            "SELECT count(*)::int FROM keyworks.bulletins WHERE ($1::text IS NULL OR programme_id = $1) AND (NOT $2 OR status = 'published')",
            (object?)programmeId ?? DBNull.Value, publishedOnly);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Marks a queued run as running and counts the attempt; null when the run is not waiting (already drafted,
    /// published or given up), so a job fired twice does the work once.
    /// </summary>
    public Task<StoredBulletin?> StartAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadOneAsync(Command($"""
            UPDATE keyworks.bulletins SET status = 'running', attempts = attempts + 1, progress = 0, started_at = $2,
                finished_at = NULL, duration_ms = NULL
            WHERE bulletin_id = $1 AND status IN ('queued', 'running')
            RETURNING {Columns}
            """, id, now), cancellationToken);

    public async Task ReportProgressAsync(Guid id, int percent, CancellationToken cancellationToken)
    {
        await using var command = Command("UPDATE keyworks.bulletins SET progress = $2 WHERE bulletin_id = $1 AND status = 'running'",
            id, Math.Clamp(percent, 0, 100));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stores the PDF and marks the run drafted, in one transaction.</summary>
    public async Task<StoredBulletin> CompleteAsync(Guid id, BulletinPdf pdf, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SavePdfAsync(connection, id, pdf, cancellationToken);
        await using var update = new NpgsqlCommand($"""
            UPDATE keyworks.bulletins SET status = 'drafted', progress = 100, failure = NULL, finished_at = $2,
                duration_ms = (extract(epoch FROM $2 - started_at) * 1000)::bigint, content_hash = $3, page_count = $4
            WHERE bulletin_id = $1 AND status = 'running'
            RETURNING {Columns}
            """, connection);
        update.Parameters.AddWithValue(id);
        update.Parameters.AddWithValue(now.ToUniversalTime());
        update.Parameters.AddWithValue(pdf.ContentHash);
        update.Parameters.AddWithValue(pdf.PageCount);
        var stored = await ReadOneAsync(update, cancellationToken)
            ?? throw new InvalidOperationException($"Bulletin {id} is no longer running.");
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Puts a failed attempt back in the queue with its reason (it is retried).</summary>
    public Task<StoredBulletin?> RequeueAsync(Guid id, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadOneAsync(Command($"""
            UPDATE keyworks.bulletins SET status = 'queued', failure = $2, finished_at = $3,
                duration_ms = (extract(epoch FROM $3 - started_at) * 1000)::bigint
            WHERE bulletin_id = $1 AND status = 'running'
            RETURNING {Columns}
            """, id, reason, now), cancellationToken);

    /// <summary>Gives a run up with its reason.</summary>
    public Task<StoredBulletin?> FailAsync(Guid id, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadOneAsync(Command($"""
            UPDATE keyworks.bulletins SET status = 'failed', failure = $2, finished_at = $3,
                duration_ms = (extract(epoch FROM $3 - coalesce(started_at, queued_at)) * 1000)::bigint
            WHERE bulletin_id = $1 AND status IN ('queued', 'running')
            RETURNING {Columns}
            """, id, reason, now), cancellationToken);

    /// <summary>
    /// Publishes a drafted run: the PDF printed with the office's recommendations replaces the draft's, and the run is
    /// frozen. Null when the run is not a draft any more (published meanwhile, or another run of the month was).
    /// </summary>
    public async Task<StoredBulletin?> PublishAsync(
        Guid id, BulletinPdf pdf, string recommendations, string publishedBy, string? idempotencyKey, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand($"""
            UPDATE keyworks.bulletins SET status = 'published', frozen = true, recommendations = $2, published_at = $3,
                published_by = $4, content_hash = $5, page_count = $6, publish_key = $7
            WHERE bulletin_id = $1 AND status = 'drafted'
            RETURNING {Columns}
            """, connection);
        update.Parameters.AddWithValue(id);
        update.Parameters.AddWithValue(recommendations);
        update.Parameters.AddWithValue(now.ToUniversalTime());
        update.Parameters.AddWithValue(publishedBy);
        update.Parameters.AddWithValue(pdf.ContentHash);
        update.Parameters.AddWithValue(pdf.PageCount);
        update.Parameters.AddWithValue((object?)idempotencyKey ?? DBNull.Value);
        StoredBulletin? stored;
        try
        {
            stored = await ReadOneAsync(update, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return null;
        }

        if (stored is null)
        {
            return null;
        }

        await SavePdfAsync(connection, id, pdf, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>The schedule's draft of a programme's month (the office copy), if any.</summary>
    public Task<StoredBulletin?> FindScheduledAsync(string programmeId, YearMonth month, CancellationToken cancellationToken) =>
        ReadOneAsync(Command($"""
            SELECT {Columns} FROM keyworks.bulletins
            WHERE programme_id = $1 AND month = $2 AND origin = 'schedule' AND leader_id IS NULL
            """, programmeId, month.FirstDay), cancellationToken);

    /// <summary>The published run of a programme's month and variant, if any.</summary>
    public Task<StoredBulletin?> FindPublishedAsync(string programmeId, YearMonth month, string? leaderId, CancellationToken cancellationToken) =>
        ReadOneAsync(Command($"""
            SELECT {Columns} FROM keyworks.bulletins
            WHERE programme_id = $1 AND month = $2 AND coalesce(leader_id, '') = $3 AND status = 'published'
            """, programmeId, month.FirstDay, leaderId ?? ""), cancellationToken);

    /// <summary>The run a publication with this idempotency key published, if any.</summary>
    public Task<StoredBulletin?> FindPublishedByKeyAsync(string key, CancellationToken cancellationToken) =>
        ReadOneAsync(Command($"SELECT {Columns} FROM keyworks.bulletins WHERE publish_key = $1", key), cancellationToken);

    /// <summary>The PDF of a drafted or published run; null when there is none yet.</summary>
    public async Task<byte[]?> ReadPdfAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT pdf FROM keyworks.bulletin_pdfs WHERE bulletin_id = $1", id);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <summary>The run queued with this idempotency key, if any.</summary>
    public async Task<StoredBulletin?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        await ReadOneAsync(Command($"SELECT {Columns} FROM keyworks.bulletins WHERE idempotency_key = $1", key), cancellationToken);

    private static async Task SavePdfAsync(NpgsqlConnection connection, Guid id, BulletinPdf pdf, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO keyworks.bulletin_pdfs (bulletin_id, content_hash, page_count, pdf) VALUES ($1, $2, $3, $4)
            ON CONFLICT (bulletin_id) DO UPDATE SET content_hash = excluded.content_hash, page_count = excluded.page_count, pdf = excluded.pdf
            """, connection);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(pdf.ContentHash);
        command.Parameters.AddWithValue(pdf.PageCount);
        command.Parameters.AddWithValue(pdf.Bytes);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlCommand Command(string sql, params object[] parameters)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            // timestamptz takes UTC instants only.
            command.Parameters.AddWithValue(parameter is DateTimeOffset instant ? instant.ToUniversalTime() : parameter);
        }

        return command;
    }

    private static async Task<StoredBulletin?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            var all = await ReadAllAsync(command, cancellationToken);
            return all.Count > 0 ? all[0] : null;
        }
    }

    private static async Task<List<StoredBulletin>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var list = new List<StoredBulletin>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var month = reader.GetFieldValue<DateOnly>(2);
            list.Add(new StoredBulletin(
                reader.GetGuid(0), reader.GetString(1), new YearMonth(month.Year, month.Month), reader.GetInt32(3),
                NullableString(reader, 4), NullableString(reader, 5),
                reader.GetString(6) == "schedule" ? BulletinOrigin.Schedule : BulletinOrigin.Request,
                reader.GetString(7), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9),
                Enum.Parse<BulletinStatus>(reader.GetString(10), ignoreCase: true), NullableString(reader, 11),
                reader.GetInt32(12), reader.GetInt32(13), reader.GetFieldValue<DateTimeOffset>(14),
                Nullable<DateTimeOffset>(reader, 15), Nullable<DateTimeOffset>(reader, 16), Nullable<long>(reader, 17),
                NullableString(reader, 18), Nullable<int>(reader, 19), NullableString(reader, 20),
                Nullable<DateTimeOffset>(reader, 21), NullableString(reader, 22), reader.GetBoolean(23)));
        }

        return list;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
