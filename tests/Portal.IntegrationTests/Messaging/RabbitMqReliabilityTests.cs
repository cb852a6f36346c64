using System.Diagnostics;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Catalogue;
using Portal.FaultInjection;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Messaging.Parking;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Messaging;

/// <summary>A processing replica on the real broker; several can share one database file and one broker.</summary>
public sealed class RabbitReplicaFactory(string dataDirectory) : PortalAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:DataDirectory", dataDirectory);
        builder.UseSetting("Messaging:Transport", "RabbitMq");
        builder.UseSetting("Messaging:RabbitMq:Host", "127.0.0.1");
        builder.UseSetting("Messaging:RabbitMq:Port", RabbitMqAppFactory.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Messaging:Redelivery:Delays:0", "00:00:00.300");
        builder.UseSetting("Messaging:Redelivery:PollInterval", "00:00:00.100");
    }
}

/// <summary>
/// Over the real RabbitMQ broker the test command starts: two processing replicas share the work with
/// no duplicates; a broker restart in the middle of a stream loses nothing; a poison message is parked
/// while everything else flows; the same event twice has one effect.
/// </summary>
[Collection(RabbitCollection.Name)]
public sealed class RabbitMqReliabilityTests
{
    [Fact]
    public async Task Two_processing_replicas_share_the_queues_and_every_dossier_lands_exactly_once()
    {
        var data = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        // Disposed in reverse order: the second replica leaves the shared folder to the first, which removes it last.
        using var first = new RabbitReplicaFactory(data) { DataDirectory = data };
        _ = first.Services;
        using var second = new RabbitReplicaFactory(data) { DataDirectory = data, KeepData = true };
        _ = second.Services;

        var codes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            DossierFiler.FileAsync((i % 2 == 0 ? first : second).Services, i % 3 == 0 ? "1.004222" : "1.001193", i % 2 == 0 ? PortalAppFactory.HamRong : PortalAppFactory.HacThanh)));

        var values = codes.Select(c => c.Value).ToList();
        await Eventually.GetAsync(
            async () => await first.QueryAsync(db => db.WorklistItems.CountAsync(w => values.Contains(w.DossierCode))) == values.Count ? (object)true : null,
            "all 40 dossiers in their worklists", TimeSpan.FromSeconds(60));
        Assert.Equal(values.Count, await first.QueryAsync(db => db.WorklistItems.Where(w => values.Contains(w.DossierCode)).Select(w => w.DossierId).Distinct().CountAsync()));
    }

    [Fact]
    public async Task A_broker_restart_during_a_stream_of_filings_loses_nothing_and_duplicates_nothing()
    {
        using var portal = new RabbitMqAppFactory();
        _ = portal.Services;
        var codes = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            codes.Add((await DossierFiler.FileAsync(portal.Services, "1.001193", PortalAppFactory.HamRong)).Value);
        }

        await Broker("stop");
        try
        {
            // Filing goes on while the broker is down: acknowledged dossiers wait in the outbox.
            for (var i = 0; i < 10; i++)
            {
                codes.Add((await DossierFiler.FileAsync(portal.Services, "1.004222", PortalAppFactory.HamRong)).Value);
            }
        }
        finally
        {
            await Broker("start");
        }

        for (var i = 0; i < 10; i++)
        {
            codes.Add((await DossierFiler.FileAsync(portal.Services, "1.001193", PortalAppFactory.HacThanh)).Value);
        }

        await Eventually.GetAsync(
            async () => await portal.QueryAsync(db => db.WorklistItems.CountAsync(w => codes.Contains(w.DossierCode))) == codes.Count ? (object)true : null,
            "every acknowledged dossier in its worklist after the broker came back", TimeSpan.FromSeconds(120));
        Assert.Equal(codes.Count, await portal.QueryAsync(db => db.WorklistItems.Where(w => codes.Contains(w.DossierCode)).Select(w => w.DossierId).Distinct().CountAsync()));
    }

    [Fact]
    public async Task A_poison_message_on_the_broker_is_parked_and_the_same_event_published_twice_has_one_effect()
    {
        var data = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        using var portal = new RabbitReplicaFactory(data) { DataDirectory = data };
        var bus = portal.Services.GetRequiredService<IBus>();
        var poison = NewId.NextGuid();
        await bus.Publish(
            new DossierSubmitted(Guid.NewGuid(), "00000-261126-9999", "1.004194", "00000", HandlingAgency.CommunePolice, FilingChannel.Online, "x", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow),
            c => c.MessageId = poison);

        var code = (await DossierFiler.FileAsync(portal.Services, "1.001193", PortalAppFactory.HacThanh)).Value;
        var item = await Eventually.GetAsync(() => portal.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the healthy dossier", TimeSpan.FromSeconds(60));
        var dossier = await portal.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Id == item.DossierId));
        var again = new DossierSubmitted(dossier.Id, code, dossier.ProcedureCode, dossier.CommuneCode.Value, dossier.Agency, dossier.Channel, "x", dossier.FiledAt, dossier.DueAt);
        // The same event as the outbox sent it (its message id is the dossier's id), published twice more: a
        // dispatcher that crashed before marking it sent, and a duplicate from the network.
        Assert.Equal(dossier.Id, await portal.QueryAsync(db => db.OutboxMessages.Where(m => m.MessageType == typeof(DossierSubmitted).FullName).Select(m => m.MessageId).SingleAsync(m => m == dossier.Id)));
        await bus.Publish(again, c => c.MessageId = dossier.Id);
        await bus.Publish(again, c => c.MessageId = dossier.Id);

        await Eventually.GetAsync(
            () => portal.QueryAsync(db => db.ParkedMessages.FirstOrDefaultAsync(p => p.MessageId == poison && p.Status == ParkedStatus.Failed)),
            "the poison message to be parked as failed", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await portal.QueryAsync(db => db.WorklistItems.CountAsync(w => w.DossierCode == code)));
        Assert.Equal(1, await portal.QueryAsync(db => db.DossierEvents.CountAsync(e => e.DossierId == dossier.Id && e.Type == "DossierSubmitted")));
        Assert.Equal(1, await portal.QueryAsync(db => db.DossierEvents.CountAsync(e => e.DossierId == dossier.Id && e.Type == "DossierRouted")));
        // Counted once (the poison message, for a commune that does not exist, is counted under 00000 and nowhere else).
        var today = Portal.Domain.Calendar.VietnamTime.LocalDate(dossier.FiledAt);
        Assert.Equal(1, await portal.QueryAsync(db => db.CommuneDailyStatistics.Where(s => s.CommuneCode == PortalAppFactory.HacThanh && s.Day == today).Select(s => s.Submitted).SingleAsync()));
    }

    private static async Task Broker(string command)
    {
        var script = Path.Combine(Repository.Root, "scripts", "rabbitmq.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, command]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        // The script bounds its own waits; should the broker's tools hang anyway, this test fails and says so instead of hanging the run.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"rabbitmq.sh {command} did not finish within 2 minutes");
        }

        Assert.True(process.ExitCode == 0, $"rabbitmq.sh {command}: {await stderr}");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitCollection
{
    public const string Name = "rabbitmq";
}
