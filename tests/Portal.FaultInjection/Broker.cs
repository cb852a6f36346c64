using System.Diagnostics;
using System.Globalization;

namespace Portal.FaultInjection;

/// <summary>
/// The private RabbitMQ node of <c>scripts/rabbitmq.sh</c> (loopback, port <c>PORTAL_RABBITMQ_PORT</c>, default
/// 5679; installed with apt-get if missing). Each run gets a virtual host of its own, so it neither sees nor
/// leaves messages of anything else on the node.
/// </summary>
public sealed class Broker
{
    public static ushort Port => ushort.TryParse(Environment.GetEnvironmentVariable("PORTAL_RABBITMQ_PORT"), out var port) ? port : (ushort)5679;

    public string VirtualHost { get; } = "portal-faults-" + Guid.NewGuid().ToString("N")[..8];

    public Task StartAsync() => ScriptAsync("start");

    public Task StopAsync() => ScriptAsync("stop");

    public async Task CreateVirtualHostAsync()
    {
        await ScriptAsync("ctl", "add_vhost", VirtualHost);
        await ScriptAsync("ctl", "set_permissions", "-p", VirtualHost, "guest", ".*", ".*", ".*");
    }

    public Task DeleteVirtualHostAsync() => ScriptAsync("ctl", "delete_vhost", VirtualHost);

    /// <summary>Messages ready and unacknowledged in the run's queues.</summary>
    public async Task<(long Ready, long Unacknowledged)> DepthAsync()
    {
        var output = await ScriptAsync("ctl", "-q", "list_queues", "-p", VirtualHost, "messages_ready", "messages_unacknowledged");
        long ready = 0, unacknowledged = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('\t', ' ');
            if (parts.Length >= 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var r) && long.TryParse(parts[^1], CultureInfo.InvariantCulture, out var u))
            {
                ready += r;
                unacknowledged += u;
            }
        }

        return (ready, unacknowledged);
    }

    private static async Task<string> ScriptAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "scripts", "rabbitmq.sh"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["PORTAL_RABBITMQ_PORT"] = Port.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmq.sh {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
        }

        return await output;
    }
}
