using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;

namespace KeyWorks.Bulletins.Storing;

/// <summary>
/// The ids of bulletin runs as they change, on any node: one LISTEN connection per process (on
/// <see cref="BulletinSchema.ChangeChannel"/>), fanned out to every reader. Reconnects after a broken connection.
/// </summary>
public sealed class BulletinChanges(NpgsqlDataSource dataSource)
{
    private readonly Lock _lock = new();
    private readonly List<Channel<Guid>> _readers = [];

    /// <summary>The ids of runs changed from now on, until cancelled.</summary>
    public async IAsyncEnumerable<Guid> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            _readers.Add(channel);
        }

        try
        {
            await foreach (var id in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return id;
            }
        }
        finally
        {
            lock (_lock)
            {
                _readers.Remove(channel);
            }
        }
    }

    /// <summary>Listens until cancelled (run by a hosted service).</summary>
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var id))
                    {
                        Publish(id);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {BulletinSchema.ChangeChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private void Publish(Guid id)
    {
        lock (_lock)
        {
            foreach (var reader in _readers)
            {
                reader.Writer.TryWrite(id);
            }
        }
    }
}
