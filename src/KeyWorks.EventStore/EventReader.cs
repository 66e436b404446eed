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
