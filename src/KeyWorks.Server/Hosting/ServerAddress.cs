using System.Globalization;

namespace KeyWorks.Server.Hosting;

/// <summary>The address the server listens on: <c>KeyWorks:Http:Address</c> and <c>KeyWorks:Http:Port</c>, by default 127.0.0.1:5080.</summary>
public static class ServerAddress
{
    public const int DefaultPort = 5080;

    public static string From(IConfiguration configuration)
    {
        var address = configuration["KeyWorks:Http:Address"] ?? "127.0.0.1";
        var port = configuration.GetValue<int?>("KeyWorks:Http:Port") ?? DefaultPort;
        var host = address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;
        return string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}");
    }
}
