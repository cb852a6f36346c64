using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Dossiers;
using Portal.FaultInjection;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Messaging;

/// <summary>
/// A processing replica killed (SIGKILL, a real separate process) while it holds a dossier's message
/// unacknowledged: the broker hands the message to the next replica, which applies it once.
/// </summary>
[Collection(RabbitCollection.Name)]
public sealed class KilledConsumerTests
{
    private const string Queue = "worklist-14758-committee";

    [Fact]
    public async Task A_consumer_killed_in_the_middle_of_a_message_leaves_it_to_be_redelivered_and_applied_once()
    {
        var data = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

        // 1. A dossier in the database whose routing message died with an in-memory bus.
        Dossier dossier;
        using (var filer = new Replica(data, transport: "InMemory", process: false) { DataDirectory = data, KeepData = true })
        {
            var code = (await DossierFiler.FileAsync(filer.Services, "1.001193", PortalAppFactory.HamRong)).Value;
            await Eventually.GetAsync(() => filer.QueryAsync(db => db.OutboxMessages.FirstOrDefaultAsync(m => m.SentAt != null && m.Body.Contains(code))), "the filing's message dispatched");
            dossier = await filer.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(code)));
        }

        // 2. Replica A: the real executable, processing only, on the broker.
        using var replicaA = await StartProcessingReplicaAsync(data);

        // Kept to the end: MassTransit's log context outlives a disposed host in the same async flow.
        using var publisher = new Replica(data, transport: "RabbitMq", process: false, migrate: false) { DataDirectory = data, KeepData = true };
        try
        {
            // 3. Hold SQLite's write lock, so replica A's worklist consumer is stuck inside the message.
            await using var writeLock = new SqliteConnection($"Data Source={Path.Combine(data, "portal.db")}");
            await writeLock.OpenAsync();
            await using (var begin = writeLock.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync();
            }

            await publisher.Services.GetRequiredService<IBus>().Publish(new DossierSubmitted(
                dossier.Id, dossier.Code.Value, dossier.ProcedureCode, dossier.CommuneCode.Value, dossier.Agency, dossier.Channel,
                "Nguyễn Văn A", dossier.FiledAt, dossier.DueAt));
            await Eventually.GetAsync(async () => await QueueDepthAsync() is (0, 1) ? (object)true : null, "replica A holding the message unacknowledged", TimeSpan.FromSeconds(30));

            // 4. Kill replica A in the middle of the message; the broker requeues it.
            replicaA.Process.Kill(entireProcessTree: true);
            await replicaA.Process.WaitForExitAsync();
            await Eventually.GetAsync(async () => await QueueDepthAsync() is (1, 0) ? (object)true : null, "the message back in the queue", TimeSpan.FromSeconds(30));
            await using (var rollback = writeLock.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                await rollback.ExecuteNonQueryAsync();
            }

            await using var count = writeLock.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM WorklistItems WHERE upper(DossierId) = upper($id);";
            count.Parameters.AddWithValue("$id", dossier.Id.ToString());
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!); // replica A died before its transaction committed
        }
        finally
        {
            if (!replicaA.Process.HasExited)
            {
                replicaA.Process.Kill(entireProcessTree: true);
            }
        }

        // 5. Replica B takes the redelivered message and applies it once.
        using var replicaB = new Replica(data, transport: "RabbitMq", process: true) { DataDirectory = data };
        await Eventually.GetAsync(() => replicaB.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierId == dossier.Id)), "the redelivered message applied by replica B", TimeSpan.FromSeconds(60));
        await Eventually.GetAsync(() => replicaB.QueryAsync(db => db.DossierEvents.FirstOrDefaultAsync(e => e.DossierId == dossier.Id && e.Type == nameof(DossierRouted))), "the routed event in the audit trail", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await replicaB.QueryAsync(db => db.WorklistItems.CountAsync(w => w.DossierId == dossier.Id)));
        Assert.Equal(1, await replicaB.QueryAsync(db => db.DossierEvents.CountAsync(e => e.DossierId == dossier.Id && e.Type == nameof(DossierRouted))));
        await Eventually.GetAsync(async () => await QueueDepthAsync() is (0, 0) ? (object)true : null, "the queue drained (the broker's figures refresh every few seconds)", TimeSpan.FromSeconds(30));
    }

    /// <summary>(ready, unacknowledged) of the commune queue, from the broker itself.</summary>
    private static async Task<(int Ready, int Unacked)> QueueDepthAsync()
    {
        var script = Path.Combine(Repository.Root, "scripts", "rabbitmq.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "ctl", "-q", "list_queues", "name", "messages_ready", "messages_unacknowledged"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"rabbitmqctl list_queues: {await process.StandardError.ReadToEndAsync()}");
        var line = output.Split('\n').Select(l => l.Split('\t')).FirstOrDefault(f => f.Length == 3 && f[0] == Queue);
        return line is null ? (-1, -1) : (int.Parse(line[1], CultureInfo.InvariantCulture), int.Parse(line[2], CultureInfo.InvariantCulture));
    }

    private static async Task<ChildReplica> StartProcessingReplicaAsync(string data)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/{Debug|Release}/net10.0
        var web = Path.Combine(Repository.Root, "src", "Portal.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "Portal.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first.");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Portal__Role"] = "Processing",
            ["Database__Provider"] = "Sqlite",
            ["Database__DataDirectory"] = data,
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMq__Host"] = "127.0.0.1",
            ["Messaging__RabbitMq__Port"] = RabbitMqAppFactory.Port.ToString(CultureInfo.InvariantCulture),
            ["Messaging__Communes__0"] = PortalAppFactory.HamRong,
            ["Messaging__Communes__1"] = PortalAppFactory.HacThanh,
            ["Messaging__Sweep__Grace"] = "01:00:00",
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var child = new ChildReplica(Process.Start(start)!);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            Assert.False(child.Process.HasExited, $"replica A exited with {(child.Process.HasExited ? child.Process.ExitCode : 0)}:\n{child.Log}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return child;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"replica A never became ready:\n{child.Log}");
            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ChildReplica : IDisposable
    {
        private readonly StringBuilder _log = new();

        public ChildReplica(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        private void Append(string? line)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }
    }

    private sealed class Replica(string data, string transport, bool process, bool migrate = true) : PortalAppFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:DataDirectory", data);
            builder.UseSetting("Database:MigrateOnStartup", migrate ? "true" : "false");
            builder.UseSetting("Messaging:Transport", transport);
            builder.UseSetting("Messaging:RabbitMq:Host", "127.0.0.1");
            builder.UseSetting("Messaging:RabbitMq:Port", RabbitMqAppFactory.Port.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Messaging:ProcessDossiers", process ? "true" : "false");
        }
    }
}
