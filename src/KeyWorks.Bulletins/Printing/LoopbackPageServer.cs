using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace KeyWorks.Bulletins.Printing;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a port the system picks) that Chromium loads the bulletin pages from.
/// It serves two kinds of resource and nothing else: asset files, at a folder named for the hash of their
/// contents so they can be cached for good, and each job's page, at an unguessable path inside that folder that
/// exists only while the job runs. GET and HEAD only, exact path lookups in memory (no file system, so no
/// traversal), the Host header must name this server (no DNS rebinding). It is also the browser's proxy, so a
/// request for any other address reaches this server as a proxy request and is refused.
/// </summary>
internal sealed class LoopbackPageServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 16 * 1024;
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);
    private static readonly byte[] NotFound = Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nCache-Control: no-store\r\n\r\n");

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Resource> _resources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Socket, bool> _connections = new();
    private readonly ConditionalWeakTable<IReadOnlyDictionary<string, PageAsset>, string> _folders = new();
    private readonly Task _acceptLoop;
    private readonly string _host;
    private int _refused;

    public LoopbackPageServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _host = $"127.0.0.1:{Port}";
        BaseAddress = $"http://{_host}/";
        _acceptLoop = AcceptAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:port/</summary>
    public string BaseAddress { get; }

    /// <summary>Resources served now: the asset files and the pages of running jobs (for tests).</summary>
    internal int ResourceCount => _resources.Count;

    /// <summary>Requests answered with 404 or refused (for tests).</summary>
    internal int RefusedCount => _refused;

    /// <summary>
    /// Publishes a page for one job next to its assets and returns its address; disposing the result removes the page.
    /// Assets are published once per set of contents and stay for the server's lifetime.
    /// </summary>
    public PublishedPage Publish(PrintableDocument document)
    {
        var folder = _folders.GetValue(document.Assets, PublishAssets);
        var path = $"{folder}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.html";
        _resources[path] = new Resource(
            "text/html; charset=utf-8",
            Encoding.UTF8.GetBytes(document.Html),
            CacheControl: "no-store",
            ETag: null);
        return new PublishedPage(this, path);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _connections.Keys)
        {
            socket.Dispose();
        }

        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _resources.Clear();
        _stop.Dispose();
    }

    private string PublishAssets(IReadOnlyDictionary<string, PageAsset> assets)
    {
        // The folder is named for the names and contents of the whole set, so a cached file is never stale.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, asset) in assets.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n" + asset.ContentType + "\n" + asset.Content.Length + "\n"));
            hash.AppendData(asset.Content.Span);
        }

        var version = Convert.ToHexStringLower(hash.GetHashAndReset())[..20];
        var folder = $"/v/{version}/";
        foreach (var (name, asset) in assets)
        {
            if (!IsPlainName(name))
            {
                throw new ArgumentException($"The asset name '{name}' is not a plain file name (letters, digits, '.', '-', '_').", nameof(assets));
            }

            _resources.TryAdd(folder + name, new Resource(asset.ContentType, asset.Content, "public, max-age=31536000, immutable", $"\"{version}\""));
        }

        return folder;
    }

    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 100 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private void Remove(string path) => _resources.TryRemove(path, out _);

    private async Task AcceptAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(stop);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            socket.NoDelay = true;
            _connections[socket] = true;
            _ = ServeConnectionAsync(socket, stop);
        }
    }

    private async Task ServeConnectionAsync(Socket socket, CancellationToken stop)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxHeaderBytes);
        try
        {
            var filled = 0;
            while (!stop.IsCancellationRequested)
            {
                var end = IndexOfHeaderEnd(buffer.AsSpan(0, filled));
                if (end < 0)
                {
                    if (filled == MaxHeaderBytes)
                    {
                        return;
                    }

                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
                    idle.CancelAfter(IdleTimeout);
                    var read = await socket.ReceiveAsync(buffer.AsMemory(filled, MaxHeaderBytes - filled), SocketFlags.None, idle.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                    continue;
                }

                var request = Encoding.ASCII.GetString(buffer, 0, end);
                if (!await RespondAsync(socket, request, stop))
                {
                    return;
                }

                // Pipelined bytes of the next request stay in the buffer.
                var consumed = end + 4;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The browser closed the connection, or the server is stopping.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _connections.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    /// <summary>Answers one request; false when the connection must close (a malformed or refused request).</summary>
    private async Task<bool> RespondAsync(Socket socket, string head, CancellationToken stop)
    {
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _refused);
            await SendAsync(socket, Status(400, "Bad Request"), stop);
            return false;
        }

        string? host = null, ifNoneMatch = null;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                host = value;
            }
            else if (name.Equals("If-None-Match", StringComparison.OrdinalIgnoreCase))
            {
                ifNoneMatch = value;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && value != "0"))
            {
                // No request here carries a body; refusing one keeps the framing simple and exact.
                Interlocked.Increment(ref _refused);
                await SendAsync(socket, Status(400, "Bad Request"), stop);
                return false;
            }
        }

        var (method, target) = (requestLine[0], requestLine[1]);
        if (method is not ("GET" or "HEAD"))
        {
            // Proxy tunnels (CONNECT) and anything that writes are refused.
            Interlocked.Increment(ref _refused);
            await SendAsync(socket, Status(405, "Method Not Allowed"), stop);
            return false;
        }

        // A proxy request (absolute URL) is for another address, and a wrong Host is a rebinding attempt.
        if (!target.StartsWith('/') || host != _host || !_resources.TryGetValue(target, out var resource))
        {
            Interlocked.Increment(ref _refused);
            await SendAsync(socket, NotFound, stop);
            return true;
        }

        var notModified = resource.ETag is not null && ifNoneMatch == resource.ETag;
        var headers = new StringBuilder()
            .Append(notModified ? "HTTP/1.1 304 Not Modified\r\n" : "HTTP/1.1 200 OK\r\n")
            .Append("Content-Type: ").Append(resource.ContentType).Append("\r\n")
            .Append("Content-Length: ").Append(notModified ? 0 : resource.Content.Length).Append("\r\n")
            .Append("Cache-Control: ").Append(resource.CacheControl).Append("\r\n")
            .Append(resource.ETag is null ? "" : $"ETag: {resource.ETag}\r\n")
            .Append("X-Content-Type-Options: nosniff\r\n\r\n")
            .ToString();
        await SendAsync(socket, Encoding.ASCII.GetBytes(headers), stop);
        if (method == "GET" && !notModified)
        {
            await SendAsync(socket, resource.Content, stop);
        }

        return true;
    }

    private static byte[] Status(int code, string reason) =>
        Encoding.ASCII.GetBytes($"HTTP/1.1 {code} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

    private static async Task SendAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken stop)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await socket.SendAsync(bytes, SocketFlags.None, stop);
            bytes = bytes[sent..];
        }
    }

    private static int IndexOfHeaderEnd(ReadOnlySpan<byte> bytes) => bytes.IndexOf("\r\n\r\n"u8);

    private sealed record Resource(string ContentType, ReadOnlyMemory<byte> Content, string CacheControl, string? ETag);

    /// <summary>A job's page; disposing removes it from the server.</summary>
    public sealed class PublishedPage(LoopbackPageServer server, string path) : IDisposable
    {
        public string Url { get; } = server.BaseAddress + path[1..];

        public void Dispose() => server.Remove(path);
    }
}
