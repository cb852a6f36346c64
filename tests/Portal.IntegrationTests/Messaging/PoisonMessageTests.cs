using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Catalogue;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Messaging.Parking;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Messaging;

public sealed class QuickRedeliveryFactory : KestrelPortalFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Messaging:Redelivery:Delays:0", "00:00:00.300");
        builder.UseSetting("Messaging:Redelivery:Delays:1", "00:00:00.300");
        builder.UseSetting("Messaging:Redelivery:PollInterval", "00:00:00.100");
    }
}

/// <summary>A message no consumer can ever apply: parked with its error, redelivered with delays, then left to an administrator; nobody else waits.</summary>
public sealed class PoisonMessageTests(QuickRedeliveryFactory factory) : IClassFixture<QuickRedeliveryFactory>
{
    [Fact]
    public async Task A_poison_message_is_parked_retried_with_delays_and_failed_while_every_commune_keeps_flowing()
    {
        var poison = await SendPoisonAsync();

        var sameQueue = (await DossierFiler.FileAsync(factory.Services, "1.004194", PortalAppFactory.HamRong)).Value;
        var otherCommune = (await DossierFiler.FileAsync(factory.Services, "1.001193", PortalAppFactory.HacThanh)).Value;
        await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == sameQueue)), "the same queue to keep flowing");
        await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == otherCommune)), "the other commune to keep flowing");

        var failed = await Eventually.GetAsync(
            () => factory.QueryAsync(db => db.ParkedMessages.FirstOrDefaultAsync(p => p.MessageId == poison && p.Status == ParkedStatus.Failed)),
            "the poison message to run out of automatic attempts");
        Assert.Equal(3, failed.Attempts);
        Assert.Equal("dossier-routing", failed.Queue);
        Assert.Contains("Unknown commune 00000", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sees_the_failed_message_and_redelivers_or_discards_it_with_an_audit()
    {
        var poison = await SendPoisonAsync();
        var failed = await Eventually.GetAsync(
            () => factory.QueryAsync(db => db.ParkedMessages.FirstOrDefaultAsync(p => p.MessageId == poison && p.Status == ParkedStatus.Failed)), "the failed message");
        using var admin = factory.CreateBrowser();
        await admin.SignInAsync("admin");
        Assert.Contains(failed.Error[..20], await (await admin.GetAsync("/quan-tri/tin-nhan-loi")).Content.ReadAsStringAsync());

        var redeliver = await admin.PostFormAsync($"/quan-tri/tin-nhan-loi/{failed.Id}/gui-lai", new(), "/quan-tri/tin-nhan-loi");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, redeliver.StatusCode);
        var again = await Eventually.GetAsync(
            () => factory.QueryAsync(db => db.ParkedMessages.FirstOrDefaultAsync(p => p.Id == failed.Id && p.Status == ParkedStatus.Failed && p.Attempts > 3)),
            "the redelivered message to fail once more");
        Assert.Equal("redeliver", again.Decision);
        Assert.Equal("admin", again.DecidedBy);

        await admin.PostFormAsync($"/quan-tri/tin-nhan-loi/{failed.Id}/bo-qua", new(), "/quan-tri/tin-nhan-loi");
        var discarded = await factory.QueryAsync(db => db.ParkedMessages.SingleAsync(p => p.Id == failed.Id));
        Assert.Equal(ParkedStatus.Discarded, discarded.Status);
        Assert.Equal("discard", discarded.Decision);

        // Both decisions are kept, in order, and shown to administrators.
        var decisions = await factory.QueryAsync(db => db.ParkedMessageDecisions.Where(d => d.ParkedMessageId == failed.Id).OrderBy(d => d.Id).ToListAsync());
        Assert.Equal([("redeliver", ParkedStatus.Failed, "admin"), ("discard", ParkedStatus.Failed, "admin")], decisions.Select(d => (d.Decision, d.StatusBefore, d.Actor)));
        var page = System.Net.WebUtility.HtmlDecode(await (await admin.GetAsync("/quan-tri/tin-nhan-loi")).Content.ReadAsStringAsync());
        Assert.Matches("(?s)data-testid=\"decisions\">\\s*<li>Gửi lại · admin · .*?</li>\\s*<li>Bỏ qua · admin · ", page);
        Assert.Contains("Đã bỏ qua", page);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.PostFormAsync($"/quan-tri/tin-nhan-loi/{failed.Id}/gui-lai", new(), "/quan-tri/tin-nhan-loi")).StatusCode);
    }

    /// <summary>A submission for a commune that does not exist: the router refuses it every time.</summary>
    private async Task<Guid> SendPoisonAsync()
    {
        var bus = factory.Services.GetRequiredService<IBus>();
        var id = NewId.NextGuid();
        await bus.Publish(
            new DossierSubmitted(Guid.NewGuid(), "00000-261126-9999", "1.004194", "00000", HandlingAgency.CommunePolice, FilingChannel.Online,
                "Không tồn tại", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow),
            c => c.MessageId = id);
        return id;
    }
}
