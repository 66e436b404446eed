using Npgsql;

namespace KeyWorks.Bulletins.Storing;

/// <summary>
/// Creates and upgrades the bulletin tables and the job store's tables in schema <c>keyworks</c>. Each migration runs
/// once, recorded in <c>keyworks.bulletin_schema_version</c>, under a transaction-scoped advisory lock, so two servers
/// starting at once do the work once.
/// </summary>
public static class BulletinSchema
{
    /// <summary>The schema every bulletin and job table lives in.</summary>
    public const string Schema = "keyworks";

    /// <summary>The prefix of the job store's tables, schema included, for Quartz's <c>TablePrefix</c>.</summary>
    public const string JobTablePrefix = Schema + ".qrtz_";

    /// <summary>The notification channel a run's id is sent on whenever the run changes.</summary>
    public const string ChangeChannel = "keyworks_bulletins";

    private static readonly string[] Migrations = [BulletinTables, JobStoreTables];

    /// <summary>Applies the migrations not yet applied.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext('keyworks.bulletins.migrate'))", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE SCHEMA IF NOT EXISTS keyworks;
            CREATE TABLE IF NOT EXISTS keyworks.bulletin_schema_version (
                version int PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken);
        await using var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM keyworks.bulletin_schema_version", connection);
        var current = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            await ExecuteAsync(connection, Migrations[version - 1], cancellationToken);
            await ExecuteAsync(connection, $"INSERT INTO keyworks.bulletin_schema_version (version) VALUES ({version})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // A bulletin run and its outcome in one row (the list reads it without the PDF); the PDF beside it.
    private const string BulletinTables = """
        CREATE TABLE keyworks.bulletins (
            bulletin_id uuid PRIMARY KEY,
            programme_id text NOT NULL,
            month date NOT NULL CHECK (extract(day FROM month) = 1),
            issue int NOT NULL CHECK (issue > 0),
            leader_id text,
            leader_name text,
            origin text NOT NULL CHECK (origin IN ('schedule', 'request')),
            requested_by text NOT NULL,
            idempotency_key text UNIQUE,
            title text NOT NULL,
            cutoff timestamptz NOT NULL,
            status text NOT NULL CHECK (status IN ('queued', 'running', 'drafted', 'failed', 'published')),
            failure text,
            attempts int NOT NULL DEFAULT 0,
            progress int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
            queued_at timestamptz NOT NULL,
            started_at timestamptz,
            finished_at timestamptz,
            duration_ms bigint,
            content_hash text,
            page_count int,
            recommendations text,
            published_at timestamptz,
            published_by text,
            publish_key text UNIQUE,
            frozen boolean NOT NULL DEFAULT false,
            CHECK (frozen = (status = 'published')));
        CREATE INDEX bulletins_by_programme ON keyworks.bulletins (programme_id, month DESC, queued_at DESC);
        -- The monthly schedule drafts a programme's month once, however many nodes fire it.
        CREATE UNIQUE INDEX bulletins_scheduled_once ON keyworks.bulletins (programme_id, month)
            WHERE origin = 'schedule' AND leader_id IS NULL;
        -- One published issue per programme, month and variant: publishing freezes it.
        CREATE UNIQUE INDEX bulletins_published_once ON keyworks.bulletins (programme_id, month, coalesce(leader_id, ''))
            WHERE status = 'published';
        -- Every change of a run is announced to every node (subscriptions), in the transaction that makes it.
        CREATE FUNCTION keyworks.bulletins_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('keyworks_bulletins', NEW.bulletin_id::text);
            RETURN NULL;
        END $$;
        CREATE TRIGGER bulletins_notify AFTER INSERT OR UPDATE ON keyworks.bulletins
            FOR EACH ROW EXECUTE FUNCTION keyworks.bulletins_notify();
        CREATE TABLE keyworks.bulletin_pdfs (
            bulletin_id uuid PRIMARY KEY REFERENCES keyworks.bulletins ON DELETE CASCADE,
            content_hash text NOT NULL,
            page_count int NOT NULL,
            pdf bytea NOT NULL);
        """;

    // The tables and columns Quartz.NET 4.7's ADO job store reads and writes with its PostgreSQL delegate, written from
    // its documented schema (AdoConstants): times are ticks (bigint), flags booleans, maps and calendars bytea.
    private const string JobStoreTables = """
        CREATE TABLE keyworks.qrtz_job_details (
            sched_name text NOT NULL,
            job_name text NOT NULL,
            job_group text NOT NULL,
            description text,
            job_class_name text NOT NULL,
            is_durable boolean NOT NULL,
            is_nonconcurrent boolean NOT NULL,
            is_update_data boolean NOT NULL,
            requests_recovery boolean NOT NULL,
            job_data bytea,
            PRIMARY KEY (sched_name, job_name, job_group));
        CREATE TABLE keyworks.qrtz_triggers (
            sched_name text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            job_name text NOT NULL,
            job_group text NOT NULL,
            description text,
            next_fire_time bigint,
            prev_fire_time bigint,
            priority integer,
            trigger_state text NOT NULL,
            trigger_type text NOT NULL,
            start_time bigint NOT NULL,
            end_time bigint,
            calendar_name text,
            misfire_instr smallint,
            misfire_orig_fire_time bigint,
            execution_group text,
            preferred_node text,
            preferred_node_auto boolean,
            retry_policy text,
            retry_attempt integer,
            continues_trigger_name text,
            continues_trigger_group text,
            continuation_condition integer,
            overlap_policy integer,
            misfire_threshold bigint,
            fixed_delay boolean,
            pause_reason text,
            paused_by text,
            paused_at bigint,
            job_data bytea,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, job_name, job_group) REFERENCES keyworks.qrtz_job_details (sched_name, job_name, job_group));
        CREATE INDEX qrtz_triggers_next_fire ON keyworks.qrtz_triggers (sched_name, trigger_state, next_fire_time);
        CREATE INDEX qrtz_triggers_job ON keyworks.qrtz_triggers (sched_name, job_name, job_group);
        CREATE TABLE keyworks.qrtz_simple_triggers (
            sched_name text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            repeat_count bigint NOT NULL,
            repeat_interval bigint NOT NULL,
            times_triggered bigint NOT NULL,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES keyworks.qrtz_triggers ON DELETE CASCADE);
        CREATE TABLE keyworks.qrtz_simprop_triggers (
            sched_name text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            str_prop_1 text,
            str_prop_2 text,
            str_prop_3 text,
            int_prop_1 integer,
            int_prop_2 integer,
            long_prop_1 bigint,
            long_prop_2 bigint,
            dec_prop_1 numeric,
            dec_prop_2 numeric,
            bool_prop_1 boolean,
            bool_prop_2 boolean,
            time_zone_id text,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES keyworks.qrtz_triggers ON DELETE CASCADE);
        CREATE TABLE keyworks.qrtz_cron_triggers (
            sched_name text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            cron_expression text NOT NULL,
            time_zone_id text,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES keyworks.qrtz_triggers ON DELETE CASCADE);
        CREATE TABLE keyworks.qrtz_blob_triggers (
            sched_name text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            blob_data bytea,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES keyworks.qrtz_triggers ON DELETE CASCADE);
        CREATE TABLE keyworks.qrtz_calendars (
            sched_name text NOT NULL,
            calendar_name text NOT NULL,
            calendar bytea NOT NULL,
            PRIMARY KEY (sched_name, calendar_name));
        CREATE TABLE keyworks.qrtz_paused_trigger_grps (
            sched_name text NOT NULL,
            trigger_group text NOT NULL,
            pause_reason text,
            paused_by text,
            paused_at bigint,
            PRIMARY KEY (sched_name, trigger_group));
        CREATE TABLE keyworks.qrtz_paused_job_grps (
            sched_name text NOT NULL,
            job_group text NOT NULL,
            pause_reason text,
            paused_by text,
            paused_at bigint,
            PRIMARY KEY (sched_name, job_group));
        CREATE TABLE keyworks.qrtz_fired_triggers (
            sched_name text NOT NULL,
            entry_id text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            instance_name text NOT NULL,
            fired_time bigint NOT NULL,
            sched_time bigint NOT NULL,
            priority integer NOT NULL,
            state text NOT NULL,
            job_name text,
            job_group text,
            is_nonconcurrent boolean,
            requests_recovery boolean,
            execution_group text,
            progress integer,
            progress_message text,
            interrupt_requested_time bigint,
            PRIMARY KEY (sched_name, entry_id));
        CREATE INDEX qrtz_fired_triggers_instance ON keyworks.qrtz_fired_triggers (sched_name, instance_name);
        CREATE INDEX qrtz_fired_triggers_trigger ON keyworks.qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
        CREATE INDEX qrtz_fired_triggers_job ON keyworks.qrtz_fired_triggers (sched_name, job_name, job_group);
        CREATE TABLE keyworks.qrtz_scheduler_state (
            sched_name text NOT NULL,
            instance_name text NOT NULL,
            last_checkin_time bigint NOT NULL,
            checkin_interval bigint NOT NULL,
            quartz_version text,
            PRIMARY KEY (sched_name, instance_name));
        CREATE TABLE keyworks.qrtz_locks (
            sched_name text NOT NULL,
            lock_name text NOT NULL,
            PRIMARY KEY (sched_name, lock_name));
        """;
}
