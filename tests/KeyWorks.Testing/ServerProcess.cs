using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace KeyWorks.Testing;

/// <summary>
/// A real KeyWorks server process, started from the server's build output the way an operator starts it,
/// with its output captured for assertions and its own port.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_errors, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    /// <summary>Starts the server with the given settings (as environment variables, e.g. <c>KEYWORKS_DATA</c>, <c>KeyWorks__Http__Port</c>).</summary>
    public static ServerProcess Start(IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var chosenPort = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(ServerAssembly());
        start.Environment["KeyWorks__Http__Port"] = chosenPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), chosenPort);
    }

    /// <summary>Posts a GraphQL request to <c>/graphql</c>, with a bearer token when given, and returns the answer.</summary>
    public async Task<JsonElement> PostGraphQLAsync(string query, object? variables, string? token, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>Signs in and returns the token; throws with the answer when refused.</summary>
    public async Task<string> LoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var result = await PostGraphQLAsync("mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token errors { code } } }",
            new { u = userName, p = password }, null, cancellationToken);
        var token = result.GetProperty("data").GetProperty("login").GetProperty("token");
        return token.ValueKind == JsonValueKind.String ? token.GetString()! : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>Polls <c>/health</c> until it answers 200; false when the process exits or the time runs out.</summary>
    public async Task<bool> WaitUntilHealthyAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < within && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    /// <summary>Sends a POSIX signal (INT, TERM, KILL) the way an operator's shell would.</summary>
    public async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
    }

    public async Task<bool> WaitForExitAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The server's own build output, of the same configuration as the running tests.</summary>
    public static string ServerAssembly()
    {
        var testDirectory = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = new DirectoryInfo(testDirectory).Parent?.Name ?? "Debug";
        var path = Path.Combine(RepositoryRoot(), "src", "KeyWorks.Server", "bin", configuration, "net10.0", "KeyWorks.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"build the server first: {path} is missing", path);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Projects.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Projects.sln not found above the test output");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A polite stop first, so the server stops its PostgreSQL too.
            await SignalAsync("TERM", CancellationToken.None);
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(20), CancellationToken.None))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
