using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.FaultInjection;

/// <summary>
/// One portal process (<c>dotnet Portal.Web.dll</c>, no shell in between, so <see cref="KillAsync"/> is a real
/// SIGKILL of the portal itself) with its settings as environment variables; restarted on the same port.
/// </summary>
public sealed class PortalProcess(string name, int port, IReadOnlyDictionary<string, string> settings) : IDisposable
{
    private readonly Queue<string> _log = new();
    private Process? _process;

    public string Name { get; } = name;

    public int Port { get; } = port;

    public int Starts { get; private set; }

    /// <summary>Exits nobody asked for (a crash), with the process's last lines.</summary>
    public List<string> UnexpectedExits { get; } = [];

    public bool Running => _process is { HasExited: false };

    /// <summary>The operating system's id of the running process (to read its memory), if it runs.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public static string WebDirectory => Path.Combine(Repository.Root, "src", "Portal.Web");

    /// <summary>
    /// Portal.Web.dll of the same configuration (Debug or Release) as this harness, or the one named by
    /// <c>PORTAL_WEB_DLL</c> (a published build, e.g. ReadyToRun as in the container image; it runs in its own folder).
    /// </summary>
    public static string Dll
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PORTAL_WEB_DLL") is { Length: > 0 } published)
            {
                return File.Exists(published) ? Path.GetFullPath(published) : throw new FileNotFoundException($"PORTAL_WEB_DLL={published} does not exist.");
            }

            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var dll = Path.Combine(WebDirectory, "bin", configuration, "net10.0", "Portal.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build the solution first.");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [Dll])
        {
            WorkingDirectory = Environment.GetEnvironmentVariable("PORTAL_WEB_DLL") is { Length: > 0 } ? Path.GetDirectoryName(Dll)! : WebDirectory,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["Urls"] = $"http://127.0.0.1:{Port}";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            if (!ReferenceEquals(_killing, process))
            {
                lock (UnexpectedExits)
                {
                    UnexpectedExits.Add($"{Name} exited by itself with {process.ExitCode}:\n{Log}");
                }
            }
        };
        _process = process;
        Starts++;
        await WaitReadyAsync(cancellationToken);
    }

    private Process? _killing;

    /// <summary>SIGKILL (kill -9): no shutdown hooks, no flush, no acknowledgement of what it was holding.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _killing = _process;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Waits for <c>/health/ready</c> (database and bus) to answer 200, up to two minutes.</summary>
    public async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited while starting:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not ready within two minutes:\n{Log}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > 60)
            {
                _log.Dequeue();
            }
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _killing = _process;
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }
}

public static class Repository
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
        }
    }
}
