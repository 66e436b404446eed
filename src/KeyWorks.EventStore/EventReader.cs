using System.Text;
using KeyWorks.EventStore.Events;
using Npgsql;
using NpgsqlTypes;

namespace KeyWorks.EventStore;

/// <summary>Builds event queries and turns rows into envelopes.</summary>
internal sealed class EventReader(EventStoreOptions options)
{
    public const string Columns =
        "position, stream_id, version, event_id, type, data, user_name, correlation_id, causation_id, idempotency_key, recorded_at, business_date";

    /// <summary>Global order in the <c>events</c> view: by batch (its last position, indexed), then within the batch.</summary>
    public const string GlobalOrder = "ORDER BY batch_last, seq";

    public NpgsqlCommand Command(EventQuery query, NpgsqlConnection? connection = null)
    {
        if (query is { StreamId: null, Types: null or { Count: 0 }, RecordedFrom: null, Limit: { } pageSize })
        {
            return PageCommand(query, pageSize, connection);
        }

        // The bound on batch_last lets PostgreSQL walk the batches' position index instead of computing every position.
        var sql = new StringBuilder($"SELECT {Columns} FROM {options.Schema}.events WHERE batch_last > $1 AND position > $1");
        var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = query.AfterPosition });
        void Add(string condition, NpgsqlParameter parameter)
        {
            command.Parameters.Add(parameter);
            sql.Append(" AND ").Append(condition.Replace("@", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }

        if (query.ToPosition is { } to)
        {
            Add("batch_first <= @ AND position <= @", new NpgsqlParameter<long> { TypedValue = to });
        }

        if (query.StreamId is { } stream)
        {
            Add("stream_id = @", new NpgsqlParameter<string> { TypedValue = stream });
        }

        if (query.Types is { Count: > 0 } types)
        {
            var names = types.SelectMany(options.Events.StoredNamesFor).Distinct().ToArray();
            Add("type = ANY(@)", new NpgsqlParameter<string[]> { TypedValue = names, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }

        if (query.RecordedFrom is { } from)
        {
            Add("recorded_at >= @", new NpgsqlParameter<DateTimeOffset> { TypedValue = from.ToUniversalTime() });
        }

        if (query.RecordedTo is { } until)
        {
            Add("recorded_at <= @", new NpgsqlParameter<DateTimeOffset> { TypedValue = until.ToUniversalTime() });
        }

        sql.Append(query.StreamId is null ? " " + GlobalOrder : " ORDER BY version");
        if (query.Limit is { } limit)
        {
            sql.Append(" LIMIT ").Append(limit);
        }

        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>
    /// A page with no filter that can skip events holds exactly the positions after+1 .. after+limit (the order has no
    /// gaps; recorded_at grows with position, so an upper time bound only ends the log early). It is read as a nested loop
    /// over the batches' position index and the rows' primary key, whatever the statistics say: the batch range is bounded
    /// on batch_last alone, and the rows are a lateral subquery that PostgreSQL cannot turn into a hash join.
    /// </summary>
    private NpgsqlCommand PageCommand(EventQuery query, int pageSize, NpgsqlConnection? connection)
    {
        var s = options.Schema;
        var last = query.ToPosition is { } upper && upper < query.AfterPosition + pageSize ? upper : query.AfterPosition + pageSize;
        var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = query.AfterPosition });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = last });
        var recordedTo = "";
        if (query.RecordedTo is { } until)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = until.ToUniversalTime() });
            recordedTo = " AND recorded_at <= $3";
        }

        command.CommandText = $"""
            SELECT b.first_position + r.seq - 1, r.stream_id, r.version, r.event_id, r.type, r.data, r.user_name,
                   r.correlation_id, r.causation_id, r.idempotency_key, b.recorded_at, r.business_date
            FROM (SELECT batch, first_position, last_position, recorded_at FROM {s}.event_batches
                  WHERE last_position > $1
                    AND last_position <= coalesce((SELECT min(last_position) FROM {s}.event_batches WHERE last_position >= $2), $2){recordedTo}
                  OFFSET 0) b
            CROSS JOIN LATERAL (SELECT * FROM {s}.event_rows e
                                WHERE e.batch = b.batch AND e.seq > $1 - b.first_position + 1 AND e.seq <= $2 - b.first_position + 1
                                OFFSET 0) r
            ORDER BY b.last_position, r.seq
            """;
        return command;
    }

    public EventEnvelope Read(NpgsqlDataReader reader)
    {
        var typeName = reader.GetString(4);
        return new EventEnvelope(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetInt64(2),
            reader.GetGuid(3),
            typeName,
            options.Events.Deserialize(typeName, reader.GetString(5)),
            reader.GetFieldValue<DateTimeOffset>(10),
            reader.IsDBNull(11) ? null : reader.GetFieldValue<DateOnly>(11),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9));
    }

    public async Task<List<EventEnvelope>> ReadListAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<EventEnvelope>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        return events;
    }
}
