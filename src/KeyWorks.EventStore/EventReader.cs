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

        // A page with no filter that can skip events holds exactly the positions after+1 .. after+limit: bounding the
        // batches and the sequence numbers inside them keeps each page an index range of its own size, however large the
        // batches are (recorded_at grows with position, so an upper time bound only ends the log early).
        if (query is { StreamId: null, Types: null or { Count: 0 }, RecordedFrom: null, Limit: { } pageSize })
        {
            var last = query.ToPosition is { } upper && upper < query.AfterPosition + pageSize ? upper : query.AfterPosition + pageSize;
            // The batch bound is on batch_last alone (the batch holding position `last`), so its index gives the range and
            // a good row estimate: the planner then keeps to the nested loop over the two primary keys.
            Add(
                $"batch_last <= coalesce((SELECT min(last_position) FROM {options.Schema}.event_batches WHERE last_position >= @), @) AND seq <= @ - batch_first + 1",
                new NpgsqlParameter<long> { TypedValue = last });
            sql.Append(" AND seq > $1 - batch_first + 1");
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
