using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KeyWorks.Server.Hosting;

/// <summary>The address the server listens on: <c>KeyWorks:Http:Address</c> and <c>KeyWorks:Http:Port</c>, by default 127.0.0.1:5080.</summary>
public static class ServerAddress
{
    public const int DefaultPort = 5080;

    public static string From(IConfiguration configuration)
    {
        var (address, port) = Read(configuration);
        var host = address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;
        return string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}");
    }

    /// <summary>Why the server could not listen there (another server has the port), or null when it can.</summary>
    public static string? Unavailable(IConfiguration configuration)
    {
        var (address, port) = Read(configuration);
        if (!IPAddress.TryParse(address, out var ip))
        {
            return null; // a host name: Kestrel resolves it and reports for itself
        }

        try
        {
            using var listener = new TcpListener(ip, port);
            listener.Start();
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return $"{From(configuration)} is already in use (is KeyWorks already running?); stop that server or set KeyWorks:Http:Port";
        }
        catch (SocketException e)
        {
            return $"cannot listen on {From(configuration)}: {e.Message}";
        }
    }

    private static (string Address, int Port) Read(IConfiguration configuration) =>
        (configuration["KeyWorks:Http:Address"] ?? "127.0.0.1", configuration.GetValue<int?>("KeyWorks:Http:Port") ?? DefaultPort);
}
