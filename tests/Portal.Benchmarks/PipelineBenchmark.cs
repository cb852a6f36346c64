using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Infrastructure;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Filing;

namespace Portal.Benchmarks;

/// <summary>
/// The bus path measured in one run on one machine: (1) raw MassTransit publish, 256 in flight, no
/// database; (2) the outbox dispatcher draining N rows; (3) the whole pipeline: N filings through the
/// real use case (16 at a time) until every dossier is in its worklist. Latency is read from the
/// timestamps the portal records (filed → enqueued), so the observer does not distort it.
/// </summary>
public static class PipelineBenchmark
{
    public static async Task<int> RunAsync(string transport, int count)
    {
        Console.WriteLine($"transport={transport} dossiers={count} cores={Environment.ProcessorCount}");
        Console.WriteLine($"raw publish:    {await RawPublishAsync(transport, count * 5):N0} msg/s");
        Console.WriteLine($"dispatcher:     {await DispatcherAsync(transport, count * 5):N0} outbox rows/s");
        var (rate, p50, p99, max) = await PipelineAsync(transport, count);
        Console.WriteLine($"pipeline:       {rate:N0} dossiers/s end to end");
        Console.WriteLine($"filed→worklist: p50 {p50:N1} ms, p99 {p99:N1} ms, max {max:N1} ms");
        return 0;
    }

    private static async Task<double> RawPublishAsync(string transport, int count)
    {
        using var host = Host(transport, processDossiers: false, out _);
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        var message = new DossierSubmitted(Guid.NewGuid(), "14758-261126-0001", "1.001193", "14758", HandlingAgency.CommuneCommittee, FilingChannel.Online, "x", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        var watch = Stopwatch.StartNew();
        var inFlight = new List<Task>(256);
        for (var i = 0; i < count; i++)
        {
            inFlight.Add(bus.Publish(message));
            if (inFlight.Count == 256)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
        var rate = count / watch.Elapsed.TotalSeconds;
        await host.StopAsync();
        return rate;
    }

    private static async Task<double> DispatcherAsync(string transport, int count)
    {
        using var host = Host(transport, processDossiers: false, out _);
        await DatabaseInitializer.InitializeAsync(host.Services);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            for (var i = 0; i < count; i++)
            {
                // One event per dossier: its message id is the dossier's id (the outbox's deduplication key).
                var message = new DossierSubmitted(Guid.NewGuid(), "14758-261126-0001", "1.001193", "14758", HandlingAgency.CommuneCommittee, FilingChannel.Online, "x", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
                Portal.Infrastructure.Messaging.Outbox.OutboxWriter.Add(db, message, TimeProvider.System);
            }

            await db.SaveChangesAsync();
        }

        var watch = Stopwatch.StartNew();
        await host.StartAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            while (await db.OutboxMessages.AnyAsync(m => m.SentAt == null))
            {
                await Task.Delay(5);
            }
        }

        var rate = count / watch.Elapsed.TotalSeconds;
        await host.StopAsync();
        return rate;
    }

    private static async Task<(double Rate, double P50, double P99, double Max)> PipelineAsync(string transport, int count)
    {
        using var host = Host(transport, processDossiers: true, out _);
        await DatabaseInitializer.InitializeAsync(host.Services);
        await host.StartAsync();
        Procedure procedure;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            procedure = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Procedures.AsNoTracking().SingleAsync(p => p.Code == "1.001193");
        }

        var fields = new Dictionary<string, string> { ["childFullName"] = "Bé", ["childDateOfBirth"] = "2026-11-20", ["childSex"] = "Nam", ["placeOfBirth"] = "Thanh Hóa", ["motherFullName"] = "Mẹ" };
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SubmitDossier>().HandleAsync(
                    new SubmitDossier.Command(procedure, CommuneCode.Parse(next % 2 == 0 ? "14758" : "14797"), FilingChannel.Online,
                        new Applicant("bench", CitizenId.Parse("038090000001"), "Nguyễn Văn An"), fields, Guid.NewGuid()),
                    CancellationToken.None);
            }
        }));

        List<(DateTimeOffset Filed, DateTimeOffset Enqueued)> rows;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            while (await db.WorklistItems.CountAsync() < count)
            {
                await Task.Delay(20);
            }

            rows = [.. (await db.WorklistItems.AsNoTracking().Select(w => new { w.FiledAt, w.EnqueuedAt }).ToListAsync()).Select(w => (w.FiledAt, w.EnqueuedAt))];
        }

        var elapsed = (rows.Max(r => r.Enqueued) - rows.Min(r => r.Filed)).TotalSeconds;
        var latencies = rows.Select(r => (r.Enqueued - r.Filed).TotalMilliseconds).Order().ToList();
        await host.StopAsync();
        return (count / elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1]);
    }

    internal static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    internal static IHost Host(string transport, bool processDossiers, out string data, IReadOnlyDictionary<string, string?>? extra = null)
    {
        data = Path.Combine(Path.GetTempPath(), "portal-bench", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = data,
            ["Messaging:Transport"] = transport,
            ["Messaging:ProcessDossiers"] = processDossiers.ToString(CultureInfo.InvariantCulture),
            ["Messaging:Communes:0"] = "14758",
            ["Messaging:Communes:1"] = "14797",
            ["Messaging:RabbitMq:Host"] = "127.0.0.1",
            ["Messaging:RabbitMq:Port"] = Environment.GetEnvironmentVariable("PORTAL_RABBITMQ_PORT") ?? "5679",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPortalInfrastructure(builder.Configuration, data);
        builder.Services.AddScoped<SubmitDossier>();
        return builder.Build();
    }
}
