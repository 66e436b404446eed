namespace KeyWorks.EventStore.Schema;

/// <summary>
/// The store's migrations, in order; never edit a published one, add the next. Each is SQL for one schema.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<string> All(string schema) =>
        [Initial(schema), PositionsLast(schema), ExplicitRecordedTime(schema), HeadTimeOnCounter(schema), AppendOnlyEvents(schema),
         PlainStreamIndex(schema)];

    private static string Initial(string s) => $$"""
        CREATE TABLE {{s}}.streams (
            id text PRIMARY KEY,
            type text,
            version bigint NOT NULL,
            created timestamptz NOT NULL,
            updated timestamptz NOT NULL,
            archived boolean NOT NULL DEFAULT false);

        CREATE TABLE {{s}}.events (
            position bigint PRIMARY KEY,
            stream_id text NOT NULL,
            version bigint NOT NULL,
            event_id uuid NOT NULL,
            type text NOT NULL,
            data jsonb NOT NULL,
            user_name text,
            correlation_id text,
            causation_id text,
            idempotency_key text,
            recorded_at timestamptz NOT NULL,
            business_date date,
            CONSTRAINT events_stream_version UNIQUE (stream_id, version),
            CONSTRAINT events_event_id UNIQUE (event_id));
        CREATE INDEX events_type_position ON {{s}}.events (type, position);
        -- recorded_at grows with position, so a block-range index answers time ranges for almost nothing.
        CREATE INDEX events_recorded_at ON {{s}}.events USING brin (recorded_at);

        -- The single row every append updates: its row lock serialises position assignment until commit.
        CREATE TABLE {{s}}.event_counter (
            id int PRIMARY KEY CHECK (id = 1),
            last_position bigint NOT NULL);
        INSERT INTO {{s}}.event_counter VALUES (1, 0);

        CREATE TABLE {{s}}.idempotency_keys (
            stream_id text NOT NULL,
            key text NOT NULL,
            first_version bigint,
            last_version bigint,
            first_position bigint,
            last_position bigint,
            PRIMARY KEY (stream_id, key));

        CREATE TABLE {{s}}.projection_checkpoints (
            name text PRIMARY KEY,
            position bigint NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now());

        CREATE FUNCTION {{s}}.append_events(
            p_streams text[], p_stream_types text[], p_expected_kinds int[], p_expected_versions bigint[],
            p_keys text[], p_counts int[],
            p_event_streams int[], p_event_offsets int[], p_event_ids uuid[], p_types text[], p_data jsonb[], p_dates date[],
            p_users text[], p_correlations text[], p_causations text[])
        RETURNS TABLE (o_stream text, o_first_version bigint, o_last_version bigint,
                       o_first_position bigint, o_last_position bigint, o_recorded_at timestamptz, o_duplicate boolean)
        LANGUAGE plpgsql AS $fn$
        #variable_conflict use_column
        DECLARE
            stream_count int := coalesce(array_length(p_streams, 1), 0);
            i int;
            n int;
            v bigint;
            actual bigint;
            total int := 0;
            versions bigint[] := array_fill(0::bigint, ARRAY[stream_count]);
            dup boolean[] := array_fill(false, ARRAY[stream_count]);
            last_pos bigint;
            next_pos bigint;
            stamp timestamptz;
        BEGIN
            -- Phase 1: take every stream row lock (in the caller's order) before the counter lock, so appenders
            -- never wait for a stream while holding the counter.
            FOR i IN 1 .. stream_count LOOP
                n := p_counts[i];
                IF p_keys[i] IS NOT NULL THEN
                    INSERT INTO {{s}}.idempotency_keys (stream_id, key) VALUES (p_streams[i], p_keys[i]) ON CONFLICT DO NOTHING;
                    IF NOT FOUND THEN
                        dup[i] := true;
                        CONTINUE;
                    END IF;
                END IF;
                v := NULL;
                CASE p_expected_kinds[i]
                    WHEN 0 THEN
                        INSERT INTO {{s}}.streams AS st (id, type, version, created, updated)
                        VALUES (p_streams[i], p_stream_types[i], n, now(), now())
                        ON CONFLICT (id) DO UPDATE SET version = st.version + n, updated = now()
                        RETURNING st.version INTO v;
                    WHEN 1 THEN
                        INSERT INTO {{s}}.streams (id, type, version, created, updated)
                        VALUES (p_streams[i], p_stream_types[i], n, now(), now())
                        ON CONFLICT (id) DO NOTHING
                        RETURNING version INTO v;
                    WHEN 2 THEN
                        UPDATE {{s}}.streams SET version = version + n, updated = now()
                        WHERE id = p_streams[i] RETURNING version INTO v;
                    ELSE
                        UPDATE {{s}}.streams SET version = version + n, updated = now()
                        WHERE id = p_streams[i] AND version = p_expected_versions[i] RETURNING version INTO v;
                END CASE;
                IF v IS NULL THEN
                    SELECT st.version INTO actual FROM {{s}}.streams st WHERE st.id = p_streams[i];
                    RAISE EXCEPTION USING ERRCODE = 'KW409',
                        MESSAGE = 'VERSION_CONFLICT ' || coalesce(actual, 0)::text || ' ' || p_streams[i];
                END IF;
                versions[i] := v;
                total := total + n;
            END LOOP;

            -- Phase 2: positions. The counter row stays locked until commit, so positions are handed out in commit
            -- order and a rolled-back append gives its numbers back.
            IF total > 0 THEN
                UPDATE {{s}}.event_counter SET last_position = last_position + total WHERE id = 1
                RETURNING last_position INTO last_pos;
                stamp := clock_timestamp();
                INSERT INTO {{s}}.events (position, stream_id, version, event_id, type, data, user_name, correlation_id,
                                          causation_id, idempotency_key, recorded_at, business_date)
                SELECT last_pos - total + row_number() OVER (ORDER BY e.ord), p_streams[e.si],
                       versions[e.si] - p_counts[e.si] + e.off, e.id, e.type, e.data, p_users[e.si], p_correlations[e.si],
                       p_causations[e.si], p_keys[e.si], stamp, e.bdate
                FROM unnest(p_event_streams, p_event_offsets, p_event_ids, p_types, p_data, p_dates)
                     WITH ORDINALITY AS e(si, off, id, type, data, bdate, ord)
                WHERE NOT dup[e.si];
                PERFORM pg_notify('{{s}}_events', last_pos::text);
            END IF;

            next_pos := last_pos - total + 1;
            FOR i IN 1 .. stream_count LOOP
                IF dup[i] THEN
                    RETURN QUERY SELECT k.stream_id, k.first_version, k.last_version, k.first_position, k.last_position,
                                        e.recorded_at, true
                                 FROM {{s}}.idempotency_keys k
                                 LEFT JOIN {{s}}.events e ON e.position = k.first_position
                                 WHERE k.stream_id = p_streams[i] AND k.key = p_keys[i];
                ELSE
                    n := p_counts[i];
                    IF p_keys[i] IS NOT NULL THEN
                        UPDATE {{s}}.idempotency_keys
                        SET first_version = versions[i] - n + 1, last_version = versions[i],
                            first_position = next_pos, last_position = next_pos + n - 1
                        WHERE stream_id = p_streams[i] AND key = p_keys[i];
                    END IF;
                    o_stream := p_streams[i];
                    o_first_version := versions[i] - n + 1;
                    o_last_version := versions[i];
                    o_first_position := next_pos;
                    o_last_position := next_pos + n - 1;
                    o_recorded_at := stamp;
                    o_duplicate := false;
                    RETURN NEXT;
                    next_pos := next_pos + n;
                END IF;
            END LOOP;
        END
        $fn$;
        """;

    /// <summary>
    /// Takes the wide event rows out of the serialised section: an append inserts its rows (and their index entries)
    /// under a batch id from a sequence, and only then locks the counter and writes one narrow <c>event_batches</c> row
    /// that gives the batch its positions. <c>events</c> becomes a view with the same columns as before.
    /// </summary>
    private static string PositionsLast(string s) => $$"""
        CREATE SEQUENCE {{s}}.event_batch_ids;

        -- One row per append call, written under the counter lock: the batch's positions and recorded time.
        CREATE TABLE {{s}}.event_batches (
            batch bigint PRIMARY KEY,
            first_position bigint NOT NULL,
            last_position bigint NOT NULL,
            recorded_at timestamptz NOT NULL,
            CONSTRAINT event_batches_last_position UNIQUE (last_position));
        -- recorded_at grows with position, so a block-range index answers time ranges for almost nothing.
        CREATE INDEX event_batches_recorded_at ON {{s}}.event_batches USING brin (recorded_at);

        -- The event rows, written before the counter is locked; seq numbers a batch's events from 1.
        CREATE TABLE {{s}}.event_rows (
            batch bigint NOT NULL,
            seq int NOT NULL,
            stream_id text NOT NULL,
            version bigint NOT NULL,
            event_id uuid NOT NULL,
            type text NOT NULL,
            data jsonb NOT NULL,
            user_name text,
            correlation_id text,
            causation_id text,
            idempotency_key text,
            business_date date,
            PRIMARY KEY (batch, seq),
            CONSTRAINT event_rows_stream_version UNIQUE (stream_id, version));
        CREATE INDEX event_rows_type_batch ON {{s}}.event_rows (type, batch);
        -- Reads are short index ranges; a parallel plan only ever shows up when statistics lag behind a bulk load.
        ALTER TABLE {{s}}.event_rows SET (parallel_workers = 0);
        ALTER TABLE {{s}}.event_batches SET (parallel_workers = 0);

        INSERT INTO {{s}}.event_batches (batch, first_position, last_position, recorded_at)
        SELECT position, position, position, recorded_at FROM {{s}}.events;
        INSERT INTO {{s}}.event_rows (batch, seq, stream_id, version, event_id, type, data, user_name, correlation_id,
                                      causation_id, idempotency_key, business_date)
        SELECT position, 1, stream_id, version, event_id, type, data, user_name, correlation_id, causation_id,
               idempotency_key, business_date
        FROM {{s}}.events;
        SELECT setval('{{s}}.event_batch_ids', coalesce(max(position), 0) + 1, false) FROM {{s}}.events;
        DROP TABLE {{s}}.events;

        -- The log as readers see it. Global order is (batch_last, seq); readers bound batch_last to use its index.
        CREATE VIEW {{s}}.events AS
        SELECT b.first_position + r.seq - 1 AS position, r.stream_id, r.version, r.event_id, r.type, r.data, r.user_name,
               r.correlation_id, r.causation_id, r.idempotency_key, b.recorded_at, r.business_date,
               b.first_position AS batch_first, b.last_position AS batch_last, r.seq
        FROM {{s}}.event_batches b
        JOIN {{s}}.event_rows r ON r.batch = b.batch;

        CREATE OR REPLACE FUNCTION {{s}}.append_events(
            p_streams text[], p_stream_types text[], p_expected_kinds int[], p_expected_versions bigint[],
            p_keys text[], p_counts int[],
            p_event_streams int[], p_event_offsets int[], p_event_ids uuid[], p_types text[], p_data jsonb[], p_dates date[],
            p_users text[], p_correlations text[], p_causations text[])
        RETURNS TABLE (o_stream text, o_first_version bigint, o_last_version bigint,
                       o_first_position bigint, o_last_position bigint, o_recorded_at timestamptz, o_duplicate boolean)
        LANGUAGE plpgsql AS $fn$
        #variable_conflict use_column
        DECLARE
            stream_count int := coalesce(array_length(p_streams, 1), 0);
            i int;
            n int;
            v bigint;
            actual bigint;
            total int := 0;
            versions bigint[] := array_fill(0::bigint, ARRAY[stream_count]);
            dup boolean[] := array_fill(false, ARRAY[stream_count]);
            any_dup boolean := false;
            batch_id bigint;
            last_pos bigint;
            next_pos bigint;
            stamp timestamptz;
        BEGIN
            -- Phase 1: take every stream row lock (in the caller's order) and check versions.
            FOR i IN 1 .. stream_count LOOP
                n := p_counts[i];
                IF p_keys[i] IS NOT NULL THEN
                    INSERT INTO {{s}}.idempotency_keys (stream_id, key) VALUES (p_streams[i], p_keys[i]) ON CONFLICT DO NOTHING;
                    IF NOT FOUND THEN
                        dup[i] := true;
                        any_dup := true;
                        CONTINUE;
                    END IF;
                END IF;
                v := NULL;
                CASE p_expected_kinds[i]
                    WHEN 0 THEN
                        INSERT INTO {{s}}.streams AS st (id, type, version, created, updated)
                        VALUES (p_streams[i], p_stream_types[i], n, now(), now())
                        ON CONFLICT (id) DO UPDATE SET version = st.version + n, updated = now()
                        RETURNING st.version INTO v;
                    WHEN 1 THEN
                        INSERT INTO {{s}}.streams (id, type, version, created, updated)
                        VALUES (p_streams[i], p_stream_types[i], n, now(), now())
                        ON CONFLICT (id) DO NOTHING
                        RETURNING version INTO v;
                    WHEN 2 THEN
                        UPDATE {{s}}.streams SET version = version + n, updated = now()
                        WHERE id = p_streams[i] RETURNING version INTO v;
                    ELSE
                        UPDATE {{s}}.streams SET version = version + n, updated = now()
                        WHERE id = p_streams[i] AND version = p_expected_versions[i] RETURNING version INTO v;
                END CASE;
                IF v IS NULL THEN
                    SELECT st.version INTO actual FROM {{s}}.streams st WHERE st.id = p_streams[i];
                    RAISE EXCEPTION USING ERRCODE = 'KW409',
                        MESSAGE = 'VERSION_CONFLICT ' || coalesce(actual, 0)::text || ' ' || p_streams[i];
                END IF;
                versions[i] := v;
                total := total + n;
            END LOOP;

            IF total > 0 THEN
                -- Phase 2: the event rows and their index entries, in parallel with other appenders.
                batch_id := nextval('{{s}}.event_batch_ids');
                IF any_dup THEN
                    INSERT INTO {{s}}.event_rows (batch, seq, stream_id, version, event_id, type, data, user_name,
                                                  correlation_id, causation_id, idempotency_key, business_date)
                    SELECT batch_id, row_number() OVER (ORDER BY e.ord), p_streams[e.si],
                           versions[e.si] - p_counts[e.si] + e.off, e.id, e.type, e.data, p_users[e.si], p_correlations[e.si],
                           p_causations[e.si], p_keys[e.si], e.bdate
                    FROM unnest(p_event_streams, p_event_offsets, p_event_ids, p_types, p_data, p_dates)
                         WITH ORDINALITY AS e(si, off, id, type, data, bdate, ord)
                    WHERE NOT dup[e.si];
                ELSE
                    INSERT INTO {{s}}.event_rows (batch, seq, stream_id, version, event_id, type, data, user_name,
                                                  correlation_id, causation_id, idempotency_key, business_date)
                    SELECT batch_id, e.ord, p_streams[e.si],
                           versions[e.si] - p_counts[e.si] + e.off, e.id, e.type, e.data, p_users[e.si], p_correlations[e.si],
                           p_causations[e.si], p_keys[e.si], e.bdate
                    FROM unnest(p_event_streams, p_event_offsets, p_event_ids, p_types, p_data, p_dates)
                         WITH ORDINALITY AS e(si, off, id, type, data, bdate, ord);
                END IF;

                -- Phase 3, last: positions. The counter row stays locked until commit, so positions are handed out in
                -- commit order and a rolled-back append gives its numbers back; only this narrow part is serial.
                UPDATE {{s}}.event_counter SET last_position = last_position + total WHERE id = 1
                RETURNING last_position INTO last_pos;
                stamp := clock_timestamp();
                INSERT INTO {{s}}.event_batches (batch, first_position, last_position, recorded_at)
                VALUES (batch_id, last_pos - total + 1, last_pos, stamp);
                PERFORM pg_notify('{{s}}_events', last_pos::text);
            END IF;

            next_pos := last_pos - total + 1;
            FOR i IN 1 .. stream_count LOOP
                IF dup[i] THEN
                    RETURN QUERY SELECT k.stream_id, k.first_version, k.last_version, k.first_position, k.last_position,
                                        (SELECT b.recorded_at FROM {{s}}.event_batches b
                                         WHERE b.last_position >= k.first_position ORDER BY b.last_position LIMIT 1),
                                        true
                                 FROM {{s}}.idempotency_keys k
                                 WHERE k.stream_id = p_streams[i] AND k.key = p_keys[i];
                ELSE
                    n := p_counts[i];
                    IF p_keys[i] IS NOT NULL THEN
                        UPDATE {{s}}.idempotency_keys
                        SET first_version = versions[i] - n + 1, last_version = versions[i],
                            first_position = next_pos, last_position = next_pos + n - 1
                        WHERE stream_id = p_streams[i] AND key = p_keys[i];
                    END IF;
                    o_stream := p_streams[i];
                    o_first_version := versions[i] - n + 1;
                    o_last_version := versions[i];
                    o_first_position := next_pos;
                    o_last_position := next_pos + n - 1;
                    o_recorded_at := stamp;
                    o_duplicate := false;
                    RETURN NEXT;
                    next_pos := next_pos + n;
                END IF;
            END LOOP;
        END
        $fn$;
        """;

    /// <summary>
    /// Adds an optional recorded time per append call for trusted imports (<c>SessionMetadata.RecordedAt</c>), refused
    /// when earlier than the head's; clock-stamped appends never take a time earlier than the head's either.
    /// </summary>
    private static string ExplicitRecordedTime(string s) => $$"""
        DROP FUNCTION {{s}}.append_events(text[], text[], int[], bigint[], text[], int[], int[], int[], uuid[], text[], jsonb[],
            date[], text[], text[], text[]);

        CREATE FUNCTION {{s}}.append_events(
            p_streams text[], p_stream_types text[], p_expected_kinds int[], p_expected_versions bigint[],
            p_keys text[], p_counts int[],
            p_event_streams int[], p_event_offsets int[], p_event_ids uuid[], p_types text[], p_data jsonb[], p_dates date[],
            p_users text[], p_correlations text[], p_causations text[], p_recorded_ats timestamptz[])
        RETURNS TABLE (o_stream text, o_first_version bigint, o_last_version bigint,
                       o_first_position bigint, o_last_position bigint, o_recorded_at timestamptz, o_duplicate boolean)
        LANGUAGE plpgsql AS $fn$
        #variable_conflict use_column
        DECLARE
            stream_count int := coalesce(array_length(p_streams, 1), 0);
            i int;
            n int;
            v bigint;
            actual bigint;
            total int := 0;
            versions bigint[] := array_fill(0::bigint, ARRAY[stream_count]);
            dup boolean[] := array_fill(false, ARRAY[stream_count]);
            any_dup boolean := false;
            batch_id bigint;
            last_pos bigint;
            next_pos bigint;
            stamp timestamptz;
            head_stamp timestamptz;
            explicit_first timestamptz;
            explicit_last timestamptz;
        BEGIN
            -- Phase 1: take every stream row lock (in the caller's order) and check versions.
            FOR i IN 1 .. stream_count LOOP
                n := p_counts[i];
                IF p_keys[i] IS NOT NULL THEN
                    INSERT INTO {{s}}.idempotency_keys (stream_id, key) VALUES (p_streams[i], p_keys[i]) ON CONFLICT DO NOTHING;
                    IF NOT FOUND THEN
                        dup[i] := true;
                        any_dup := true;
                        CONTINUE;
                    END IF;
                END IF;
                v := NULL;
                CASE p_expected_kinds[i]
                    WHEN 0 THEN
                        INSERT INTO {{s}}.streams AS st (id, type, version, created, updated)
                        VALUES (p_streams[i], p_stream_types[i], n, now(), now())
                        ON CONFLICT (id) DO UPDATE SET version = st.version + n, updated = now()
                        RETURNING st.version INTO v;
                    WHEN 1 THEN
                        INSERT INTO {{s}}.streams (id, type, version, created, updated)
                        VALUES (p_streams[i], p_stream_types[i], n, now(), now())
                        ON CONFLICT (id) DO NOTHING
                        RETURNING version INTO v;
                    WHEN 2 THEN
                        UPDATE {{s}}.streams SET version = version + n, updated = now()
                        WHERE id = p_streams[i] RETURNING version INTO v;
                    ELSE
                        UPDATE {{s}}.streams SET version = version + n, updated = now()
                        WHERE id = p_streams[i] AND version = p_expected_versions[i] RETURNING version INTO v;
                END CASE;
                IF v IS NULL THEN
                    SELECT st.version INTO actual FROM {{s}}.streams st WHERE st.id = p_streams[i];
                    RAISE EXCEPTION USING ERRCODE = 'KW409',
                        MESSAGE = 'VERSION_CONFLICT ' || coalesce(actual, 0)::text || ' ' || p_streams[i];
                END IF;
                versions[i] := v;
                total := total + n;
            END LOOP;

            IF total > 0 THEN
                -- Phase 2: the event rows and their index entries, in parallel with other appenders.
                batch_id := nextval('{{s}}.event_batch_ids');
                IF any_dup THEN
                    INSERT INTO {{s}}.event_rows (batch, seq, stream_id, version, event_id, type, data, user_name,
                                                  correlation_id, causation_id, idempotency_key, business_date)
                    SELECT batch_id, row_number() OVER (ORDER BY e.ord), p_streams[e.si],
                           versions[e.si] - p_counts[e.si] + e.off, e.id, e.type, e.data, p_users[e.si], p_correlations[e.si],
                           p_causations[e.si], p_keys[e.si], e.bdate
                    FROM unnest(p_event_streams, p_event_offsets, p_event_ids, p_types, p_data, p_dates)
                         WITH ORDINALITY AS e(si, off, id, type, data, bdate, ord)
                    WHERE NOT dup[e.si];
                ELSE
                    INSERT INTO {{s}}.event_rows (batch, seq, stream_id, version, event_id, type, data, user_name,
                                                  correlation_id, causation_id, idempotency_key, business_date)
                    SELECT batch_id, e.ord, p_streams[e.si],
                           versions[e.si] - p_counts[e.si] + e.off, e.id, e.type, e.data, p_users[e.si], p_correlations[e.si],
                           p_causations[e.si], p_keys[e.si], e.bdate
                    FROM unnest(p_event_streams, p_event_offsets, p_event_ids, p_types, p_data, p_dates)
                         WITH ORDINALITY AS e(si, off, id, type, data, bdate, ord);
                END IF;

                -- Phase 3, last: positions. The counter row stays locked until commit, so positions are handed out in
                -- commit order and a rolled-back append gives its numbers back; only this narrow part is serial.
                UPDATE {{s}}.event_counter SET last_position = last_position + total WHERE id = 1
                RETURNING last_position INTO last_pos;
                -- recorded_at never decreases along positions: the clock may not run behind the head, and an explicit
                -- (imported) time must lie at or after it. The store never combines an import with other sessions, so a
                -- call carries at most one explicit time.
                SELECT b.recorded_at INTO head_stamp FROM {{s}}.event_batches b WHERE b.last_position = last_pos - total;
                SELECT min(t), max(t) INTO explicit_first, explicit_last
                FROM unnest(p_recorded_ats) WITH ORDINALITY AS u(t, k) WHERE NOT dup[k];
                IF explicit_first IS NOT NULL THEN
                    IF explicit_first < head_stamp OR explicit_first <> explicit_last THEN
                        RAISE EXCEPTION USING ERRCODE = 'KW422', MESSAGE = 'RECORDED_AT_BEFORE_HEAD ' || p_streams[1];
                    END IF;
                    stamp := explicit_first;
                ELSE
                    stamp := greatest(clock_timestamp(), head_stamp);
                END IF;
                INSERT INTO {{s}}.event_batches (batch, first_position, last_position, recorded_at)
                VALUES (batch_id, last_pos - total + 1, last_pos, stamp);
                PERFORM pg_notify('{{s}}_events', last_pos::text);
            END IF;

            next_pos := last_pos - total + 1;
            FOR i IN 1 .. stream_count LOOP
                IF dup[i] THEN
                    RETURN QUERY SELECT k.stream_id, k.first_version, k.last_version, k.first_position, k.last_position,
                                        (SELECT b.recorded_at FROM {{s}}.event_batches b
                                         WHERE b.last_position >= k.first_position ORDER BY b.last_position LIMIT 1),
                                        true
                                 FROM {{s}}.idempotency_keys k
                                 WHERE k.stream_id = p_streams[i] AND k.key = p_keys[i];
                ELSE
                    n := p_counts[i];
                    IF p_keys[i] IS NOT NULL THEN
                        UPDATE {{s}}.idempotency_keys
                        SET first_version = versions[i] - n + 1, last_version = versions[i],
                            first_position = next_pos, last_position = next_pos + n - 1
                        WHERE stream_id = p_streams[i] AND key = p_keys[i];
                    END IF;
                    o_stream := p_streams[i];
                    o_first_version := versions[i] - n + 1;
                    o_last_version := versions[i];
                    o_first_position := next_pos;
                    o_last_position := next_pos + n - 1;
                    o_recorded_at := stamp;
                    o_duplicate := false;
                    RETURN NEXT;
                    next_pos := next_pos + n;
                END IF;
            END LOOP;
        END
        $fn$;
        """;

    /// <summary>
    /// Shortens the serial part of an append: the counter row also keeps the head's recorded time, so the append no longer
    /// looks the head's batch up (nor scans the explicit times) while it holds the counter lock; one
    /// <c>UPDATE … RETURNING</c> hands out the positions and the recorded time together.
    /// </summary>
    private static string HeadTimeOnCounter(string s) => $$"""
        ALTER TABLE {{s}}.event_counter ADD COLUMN recorded_at timestamptz;
        UPDATE {{s}}.event_counter c
        SET recorded_at = (SELECT b.recorded_at FROM {{s}}.event_batches b WHERE b.last_position = c.last_position)
        WHERE c.id = 1;

        CREATE OR REPLACE FUNCTION {{s}}.append_events(
            p_streams text[], p_stream_types text[], p_expected_kinds int[], p_expected_versions bigint[],
            p_keys text[], p_counts int[],
            p_event_streams int[], p_event_offsets int[], p_event_ids uuid[], p_types text[], p_data jsonb[], p_dates date[],
            p_users text[], p_correlations text[], p_causations text[], p_recorded_ats timestamptz[])
        RETURNS TABLE (o_stream text, o_first_version bigint, o_last_version bigint,
                       o_first_position bigint, o_last_position bigint, o_recorded_at timestamptz, o_duplicate boolean)
        LANGUAGE plpgsql AS $fn$
        #variable_conflict use_column
        DECLARE
            stream_count int := coalesce(array_length(p_streams, 1), 0);
            i int;
            n int;
            v bigint;
            actual bigint;
            total int := 0;
            versions bigint[] := array_fill(0::bigint, ARRAY[stream_count]);
            dup boolean[] := array_fill(false, ARRAY[stream_count]);
            any_dup boolean := false;
            batch_id bigint;
            last_pos bigint;
            next_pos bigint;
            stamp timestamptz;
            explicit_at timestamptz;
        BEGIN
            -- Phase 1: take every stream row lock (in the caller's order) and check versions.
            FOR i IN 1 .. stream_count LOOP
                n := p_counts[i];
                IF p_keys[i] IS NOT NULL THEN
                    INSERT INTO {{s}}.idempotency_keys (stream_id, key) VALUES (p_streams[i], p_keys[i]) ON CONFLICT DO NOTHING;
                    IF NOT FOUND THEN
                        dup[i] := true;
                        any_dup := true;
                        CONTINUE;
                    END IF;
                END IF;
                v := NULL;
                CASE p_expected_kinds[i]
                    WHEN 0 THEN
                        INSERT INTO {{s}}.streams AS st (id, type, version, created, updated)
                        VALUES (p_streams[i], p_stream_types[i], n, now(), now())
                        ON CONFLICT (id) DO UPDATE SET version = st.version + n, updated = now()
                        RETURNING st.version INTO v;
                    WHEN 1 THEN
                        INSERT INTO {{s}}.streams (id, type, version, created, updated)
                        VALUES (p_streams[i], p_stream_types[i], n, now(), now())
                        ON CONFLICT (id) DO NOTHING
                        RETURNING version INTO v;
                    WHEN 2 THEN
                        UPDATE {{s}}.streams SET version = version + n, updated = now()
                        WHERE id = p_streams[i] RETURNING version INTO v;
                    ELSE
                        UPDATE {{s}}.streams SET version = version + n, updated = now()
                        WHERE id = p_streams[i] AND version = p_expected_versions[i] RETURNING version INTO v;
                END CASE;
                IF v IS NULL THEN
                    SELECT st.version INTO actual FROM {{s}}.streams st WHERE st.id = p_streams[i];
                    RAISE EXCEPTION USING ERRCODE = 'KW409',
                        MESSAGE = 'VERSION_CONFLICT ' || coalesce(actual, 0)::text || ' ' || p_streams[i];
                END IF;
                versions[i] := v;
                total := total + n;
                -- An explicit (imported) time, checked before the counter is locked; the store never combines an import
                -- with other sessions, so a call carries at most one explicit time.
                IF p_recorded_ats[i] IS NOT NULL THEN
                    IF explicit_at IS NOT NULL AND explicit_at <> p_recorded_ats[i] THEN
                        RAISE EXCEPTION USING ERRCODE = 'KW422', MESSAGE = 'RECORDED_AT_BEFORE_HEAD ' || p_streams[1];
                    END IF;
                    explicit_at := p_recorded_ats[i];
                END IF;
            END LOOP;

            IF total > 0 THEN
                -- Phase 2: the event rows and their index entries, in parallel with other appenders.
                batch_id := nextval('{{s}}.event_batch_ids');
                IF any_dup THEN
                    INSERT INTO {{s}}.event_rows (batch, seq, stream_id, version, event_id, type, data, user_name,
                                                  correlation_id, causation_id, idempotency_key, business_date)
                    SELECT batch_id, row_number() OVER (ORDER BY e.ord), p_streams[e.si],
                           versions[e.si] - p_counts[e.si] + e.off, e.id, e.type, e.data, p_users[e.si], p_correlations[e.si],
                           p_causations[e.si], p_keys[e.si], e.bdate
                    FROM unnest(p_event_streams, p_event_offsets, p_event_ids, p_types, p_data, p_dates)
                         WITH ORDINALITY AS e(si, off, id, type, data, bdate, ord)
                    WHERE NOT dup[e.si];
                ELSE
                    INSERT INTO {{s}}.event_rows (batch, seq, stream_id, version, event_id, type, data, user_name,
                                                  correlation_id, causation_id, idempotency_key, business_date)
                    SELECT batch_id, e.ord, p_streams[e.si],
                           versions[e.si] - p_counts[e.si] + e.off, e.id, e.type, e.data, p_users[e.si], p_correlations[e.si],
                           p_causations[e.si], p_keys[e.si], e.bdate
                    FROM unnest(p_event_streams, p_event_offsets, p_event_ids, p_types, p_data, p_dates)
                         WITH ORDINALITY AS e(si, off, id, type, data, bdate, ord);
                END IF;

                -- Phase 3, last: positions. The counter row stays locked until commit, so positions are handed out in
                -- commit order and a rolled-back append gives its numbers back; only this narrow part is serial.
                -- recorded_at never decreases along positions: the counter row keeps the head's time, the clock may not run
                -- behind it, and an explicit time earlier than it comes back as the head's time and is refused.
                UPDATE {{s}}.event_counter
                SET last_position = last_position + total,
                    recorded_at = greatest(coalesce(explicit_at, clock_timestamp()), recorded_at)
                WHERE id = 1
                RETURNING last_position, recorded_at INTO last_pos, stamp;
                IF explicit_at IS NOT NULL AND stamp <> explicit_at THEN
                    RAISE EXCEPTION USING ERRCODE = 'KW422', MESSAGE = 'RECORDED_AT_BEFORE_HEAD ' || p_streams[1];
                END IF;
                INSERT INTO {{s}}.event_batches (batch, first_position, last_position, recorded_at)
                VALUES (batch_id, last_pos - total + 1, last_pos, stamp);
                PERFORM pg_notify('{{s}}_events', last_pos::text);
            END IF;

            next_pos := last_pos - total + 1;
            FOR i IN 1 .. stream_count LOOP
                IF dup[i] THEN
                    RETURN QUERY SELECT k.stream_id, k.first_version, k.last_version, k.first_position, k.last_position,
                                        (SELECT b.recorded_at FROM {{s}}.event_batches b
                                         WHERE b.last_position >= k.first_position ORDER BY b.last_position LIMIT 1),
                                        true
                                 FROM {{s}}.idempotency_keys k
                                 WHERE k.stream_id = p_streams[i] AND k.key = p_keys[i];
                ELSE
                    n := p_counts[i];
                    IF p_keys[i] IS NOT NULL THEN
                        UPDATE {{s}}.idempotency_keys
                        SET first_version = versions[i] - n + 1, last_version = versions[i],
                            first_position = next_pos, last_position = next_pos + n - 1
                        WHERE stream_id = p_streams[i] AND key = p_keys[i];
                    END IF;
                    o_stream := p_streams[i];
                    o_first_version := versions[i] - n + 1;
                    o_last_version := versions[i];
                    o_first_position := next_pos;
                    o_last_position := next_pos + n - 1;
                    o_recorded_at := stamp;
                    o_duplicate := false;
                    RETURN NEXT;
                    next_pos := next_pos + n;
                END IF;
            END LOOP;
        END
        $fn$;
        """;

    /// <summary>
    /// The log is append-only in the database too: any UPDATE, DELETE or TRUNCATE of the event rows or their batches is
    /// refused by statement triggers (SQLSTATE 23001), whoever sends it. The store itself only inserts into these tables.
    /// Written to run again harmlessly, so it may be applied after other migrations in any order.
    /// </summary>
    private static string AppendOnlyEvents(string s) => $$"""
        CREATE OR REPLACE FUNCTION {{s}}.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            RAISE EXCEPTION 'the event log is append-only: % of %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                USING ERRCODE = 'restrict_violation';
        END
        $fn$;
        DROP TRIGGER IF EXISTS event_rows_append_only ON {{s}}.event_rows;
        CREATE TRIGGER event_rows_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {{s}}.event_rows
            FOR EACH STATEMENT EXECUTE FUNCTION {{s}}.refuse_event_change();
        DROP TRIGGER IF EXISTS event_batches_append_only ON {{s}}.event_batches;
        CREATE TRIGGER event_batches_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {{s}}.event_batches
            FOR EACH STATEMENT EXECUTE FUNCTION {{s}}.refuse_event_change();
        """;
    /// <summary>
    /// Cheaper event rows. The unique <c>(stream_id, version)</c> constraint becomes a plain index (stream reads need it):
    /// versions are handed out only by <c>append_events</c>, from the stream row's version under its row lock, so two
    /// events cannot share one; the database keeps that source: a stream row is never deleted or truncated (triggers,
    /// SQLSTATE 23001, as for the event tables). Stream ids and type names compare bytewise
    /// (collation "C", the order the store already locks streams in): equality is unchanged and index inserts no longer
    /// go through the locale's comparison. Runs again harmlessly.
    /// </summary>
    private static string PlainStreamIndex(string s) => $$"""
        DROP VIEW IF EXISTS {{s}}.events;
        ALTER TABLE {{s}}.event_rows DROP CONSTRAINT IF EXISTS event_rows_stream_version;
        ALTER TABLE {{s}}.event_rows ALTER COLUMN stream_id TYPE text COLLATE "C", ALTER COLUMN type TYPE text COLLATE "C";
        ALTER TABLE {{s}}.streams ALTER COLUMN id TYPE text COLLATE "C";
        CREATE INDEX IF NOT EXISTS event_rows_stream_version ON {{s}}.event_rows (stream_id, version);
        CREATE VIEW {{s}}.events AS
        SELECT b.first_position + r.seq - 1 AS position, r.stream_id, r.version, r.event_id, r.type, r.data, r.user_name,
               r.correlation_id, r.causation_id, r.idempotency_key, b.recorded_at, r.business_date,
               b.first_position AS batch_first, b.last_position AS batch_last, r.seq
        FROM {{s}}.event_batches b
        JOIN {{s}}.event_rows r ON r.batch = b.batch;

        -- A deleted stream row would start its versions again at 1. Statement triggers on DELETE and TRUNCATE cost an
        -- append nothing (a row trigger guarding UPDATE of the version cost about a fifth of a 4-stream call: not kept).
        DROP TRIGGER IF EXISTS streams_kept ON {{s}}.streams;
        CREATE TRIGGER streams_kept BEFORE DELETE OR TRUNCATE ON {{s}}.streams
            FOR EACH STATEMENT EXECUTE FUNCTION {{s}}.refuse_event_change();
        """;
}
