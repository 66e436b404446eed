using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KeyWorks.EventStore.Projections;

/// <summary>
/// Runs a store's async projections in global order. Several processes may run one each on the same database: only the
/// one holding a session-level advisory lock (the leader) works; the others retry every
/// <see cref="EventStoreOptions.LeaderRetryInterval"/> and take over when the leader's connection goes away. Each batch
/// applies events and moves the projection's checkpoint in one transaction, so a crash resumes where it stopped.
/// It wakes on the append notification and polls as a fallback. Usable as an <see cref="IHostedService"/>.
/// </summary>
public sealed class ProjectionDaemon : IHostedService, IAsyncDisposable
{
    private readonly PostgresEventStore _store;
    private CancellationTokenSource? _stopping;
    private Task? _running;
    private volatile bool _isLeader;

    internal ProjectionDaemon(PostgresEventStore store) => _store = store;

    /// <summary>Where the daemon reports leadership changes and failures.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>True while this daemon holds the leadership and runs projections.</summary>
    public bool IsLeader => _isLeader;

    /// <summary>The last failure, if any (the daemon retries after it).</summary>
    public Exception? LastError { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("The daemon is already running.");
        }

        _stopping = new CancellationTokenSource();
        _running = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_running is null || _stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken);
        _stopping.Dispose();
        _running = null;
        _stopping = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await LeadAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LastError = e;
                Logger.LogWarning(e, "Projection daemon for schema {Schema} failed; retrying.", _store.Schema);
                try
                {
                    await Task.Delay(_store.Options.LeaderRetryInterval, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task LeadAsync(CancellationToken stopping)
    {
        await using var connection = await _store.DataSource.OpenConnectionAsync(stopping);
        try
        {
            while (!await TryTakeLeadershipAsync(connection, stopping))
            {
                await Task.Delay(_store.Options.LeaderRetryInterval, stopping);
            }

            _isLeader = true;
            Logger.LogInformation("Projection daemon for schema {Schema} is the leader.", _store.Schema);
            var notified = 0;
            connection.Notification += (_, _) => Interlocked.Exchange(ref notified, 1);
            await ExecuteAsync(connection, $"LISTEN {_store.Options.NotifyChannel}", stopping);
            var projections = _store.Options.Projections.Async.ToList();
            while (!stopping.IsCancellationRequested)
            {
                Interlocked.Exchange(ref notified, 0);
                var progressed = false;
                foreach (var projection in projections)
                {
                    progressed |= await RunBatchAsync(connection, projection, stopping) > 0;
                }

                if (!progressed && Volatile.Read(ref notified) == 0)
                {
                    await connection.WaitAsync(_store.Options.PollInterval, stopping);
                }
            }
        }
        finally
        {
            _isLeader = false;
            if (connection.State == System.Data.ConnectionState.Open)
            {
                // The connection goes back to the pool: leave nothing of the leadership on it.
                await ExecuteAsync(connection, "UNLISTEN *; SELECT pg_advisory_unlock_all()", CancellationToken.None);
            }
        }
    }

    private async Task<bool> TryTakeLeadershipAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext($1))", connection);
        command.Parameters.AddWithValue($"keyworks.eventstore.daemon.{_store.Schema}");
        return (bool)(await command.ExecuteScalarAsync(stopping))!;
    }

    /// <summary>Applies the next batch of events to one projection; returns how many.</summary>
    internal async Task<int> RunBatchAsync(NpgsqlConnection connection, IProjection projection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long position;
        await using (var read = new NpgsqlCommand($"SELECT position FROM {_store.Schema}.projection_checkpoints WHERE name = $1 FOR UPDATE", connection, transaction))
        {
            read.Parameters.AddWithValue(projection.Name);
            position = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        await using var command = _store.Reader.Command(new Events.EventQuery { AfterPosition = position, Limit = _store.Options.ReadPageSize }, connection);
        command.Transaction = transaction;
        var events = await _store.Reader.ReadListAsync(command, cancellationToken);
        if (events.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        await projection.ApplyAsync(new ProjectionContext(connection, transaction, _store.ProjectionSchema(projection.Name), cancellationToken), events);
        await using (var write = new NpgsqlCommand(
            $"UPDATE {_store.Schema}.projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1", connection, transaction))
        {
            write.Parameters.AddWithValue(projection.Name);
            write.Parameters.AddWithValue(events[^1].Position);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
