using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Messaging.Consumers;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Observability;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Messaging;

/// <summary>Every dossier event the bus carries lands once in the audit trail, in the order it happened.</summary>
/// <summary>The portal as deployed behind a metrics scraper: EF Core's own meter on (deploy/ sets it).</summary>
public sealed class MetricsKestrelFactory : KestrelPortalFactory
{
    protected override void ConfigureSettings(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.UseSetting("Telemetry:EntityFrameworkCoreMetrics", "true");
}

public sealed class AuditTrailTests(MetricsKestrelFactory factory) : IClassFixture<MetricsKestrelFactory>
{
    [Fact]
    public async Task Filing_routing_status_changes_supplement_and_result_are_each_recorded_once_in_the_trail_and_the_statistics()
    {
        // The portal's counters of this host only (other test hosts in the process have meters of the same name).
        var counted = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var scope = factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PortalMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => counted.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        meters.Start();

        var approved = (await DossierFiler.FileAsync(factory.Services, "1.001193", PortalAppFactory.HamRong)).Value;
        var incomplete = (await DossierFiler.FileAsync(factory.Services, "1.001193", PortalAppFactory.HamRong)).Value;
        foreach (var code in new[] { approved, incomplete })
        {
            await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier in its queue");
        }

        using var officer = factory.CreateBrowser();
        await officer.SignInAsync("committee.14758");
        using var leader = factory.CreateBrowser();
        await leader.SignInAsync("committee-lead.14758");
        await CaseworkSteps.ActAsync(officer, approved, "receive");
        await CaseworkSteps.ActAsync(officer, approved, "start");
        await CaseworkSteps.ActAsync(officer, approved, "propose");
        await CaseworkSteps.ActAsync(leader, approved, "approve");
        await CaseworkSteps.ActAsync(officer, approved, "return");
        await CaseworkSteps.ActAsync(officer, incomplete, "receive");
        await CaseworkSteps.ActAsync(officer, incomplete, "start");
        await CaseworkSteps.ActAsync(officer, incomplete, "supplement", new() { ["reason"] = "Bổ sung bản sao giấy khai sinh" });

        var approvedTrail = await TrailAsync(approved, "ResultIssued");
        Assert.Equal("DossierSubmitted", approvedTrail[0].Type);
        Assert.Single(approvedTrail, e => e.Type == "DossierRouted");
        Assert.Single(approvedTrail, e => e.Type == "ResultIssued");
        Assert.Equal(4, approvedTrail.Count(e => e.Type == "DossierStatusChangedMessage")); // received, processing, approved, returned
        Assert.Equal(approvedTrail.Count, approvedTrail.Select(e => e.MessageId).Distinct().Count());
        var incompleteTrail = await TrailAsync(incomplete, "SupplementRequested");
        var supplement = Assert.Single(incompleteTrail, e => e.Type == "SupplementRequested");
        Assert.Contains("Bổ sung bản sao giấy khai sinh", supplement.Body, StringComparison.Ordinal);
        Assert.Single(incompleteTrail, e => e.Type == "DossierRouted");
        Assert.Single(incompleteTrail, e => e.Type == "DossierSubmitted");
        Assert.Equal(incompleteTrail.Count, incompleteTrail.Select(e => e.MessageId).Distinct().Count());

        // The portal's meters: the two filings, their routing and the one finished dossier; and the Prometheus
        // endpoint serves them (its values are checked per process in ScaledReplicasTests).
        Assert.Equal(2, counted.GetValueOrDefault("portal.dossiers.submitted"));
        Assert.Equal(2, counted.GetValueOrDefault("portal.dossiers.routed"));
        Assert.Equal(1, counted.GetValueOrDefault("portal.dossiers.completed"));
        using var scrape = new HttpClient();
        var metrics = await scrape.GetStringAsync(new Uri(factory.Address, "/metrics"));
        Assert.Contains("portal_dossiers_completed_total", metrics, StringComparison.Ordinal);
        Assert.Contains("portal_outbox_lag_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("microsoft_entityframeworkcore_", metrics, StringComparison.Ordinal); // EF Core's own meter, as deployed

        // Statistics are fed by the same events: two submissions and one result, on time, today.
        var today = VietnamTime.LocalDate(DateTimeOffset.UtcNow);
        var statistic = await Eventually.GetAsync(
            () => factory.QueryAsync(db => db.CommuneDailyStatistics.FirstOrDefaultAsync(s => s.CommuneCode == PortalAppFactory.HamRong && s.ResultsIssued == 1)),
            "the result counted in Hàm Rồng's statistics");
        Assert.Equal((today, 2, 1, 1), (statistic.Day, statistic.Submitted, statistic.ResultsIssued, statistic.ResultsIssuedOnTime));

        // The same event delivered again (same message id) changes neither the trail nor the counts.
        var result = Assert.Single(approvedTrail, e => e.Type == "ResultIssued");
        var again = JsonSerializer.Deserialize<ResultIssued>(result.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        await factory.Services.GetRequiredService<IBus>().Publish(again, c => c.MessageId = result.MessageId);
        await factory.Services.GetRequiredService<IBus>().Publish(new ResultIssued(again.DossierId, again.Code, again.At));
        await Eventually.GetAsync(
            () => factory.QueryAsync(db => db.CommuneDailyStatistics.FirstOrDefaultAsync(s => s.CommuneCode == PortalAppFactory.HamRong && s.ResultsIssued == 2)),
            "the new message counted");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await factory.QueryAsync(db => db.DossierEvents.CountAsync(e => e.MessageId == result.MessageId)));
        Assert.Equal(1, await factory.QueryAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == StatisticsConsumer.Name && m.MessageId == result.MessageId)));
        var after = await factory.QueryAsync(db => db.CommuneDailyStatistics.SingleAsync(s => s.CommuneCode == PortalAppFactory.HamRong && s.Day == today));
        Assert.Equal((2, 2), (after.Submitted, after.ResultsIssued)); // the new message id counts, the redelivered one does not
    }

    [Fact]
    public async Task A_burst_of_submissions_each_delivered_twice_is_recorded_once_each_with_the_chain_whole_and_every_one_counted()
    {
        // 150 submissions, each delivered twice with the same message id (a redelivery), all at once.
        var day = new DateTimeOffset(2020, 3, 2, 3, 0, 0, TimeSpan.Zero);
        var events = Enumerable.Range(1, 150).Select(i => (Id: Guid.NewGuid(), Message: new DossierSubmitted(
            Guid.NewGuid(), $"14758-200302-{i:0000}", "1.001193", PortalAppFactory.HamRong, HandlingAgency.CommuneCommittee,
            FilingChannel.Online, "Nguyễn Văn A", day, day.AddDays(3)))).ToList();
        var bus = factory.Services.GetRequiredService<IBus>();
        await Task.WhenAll(events.Concat(events).Select(e => bus.Publish(e.Message, c => c.MessageId = e.Id)));

        var ids = events.Select(e => e.Id).ToList();
        var expectedDay = DateOnly.FromDateTime(day.UtcDateTime);
        await Eventually.GetAsync(
            () => factory.QueryAsync(async db => await db.CommuneDailyStatistics.FirstOrDefaultAsync(s => s.CommuneCode == PortalAppFactory.HamRong && s.Day == expectedDay && s.Submitted >= 150)),
            "150 submissions counted");
        await Eventually.GetAsync(
            () => factory.QueryAsync(async db => await db.DossierEvents.CountAsync(e => ids.Contains(e.MessageId)) >= 150 ? "all" : null),
            "150 lines in the trail");
        await Task.Delay(TimeSpan.FromSeconds(1)); // any late copy would land now

        Assert.Equal(150, await factory.QueryAsync(db => db.DossierEvents.CountAsync(e => ids.Contains(e.MessageId))));
        Assert.Equal(150, await factory.QueryAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == StatisticsConsumer.Name && ids.Contains(m.MessageId))));
        Assert.Equal(150, (await factory.QueryAsync(db => db.CommuneDailyStatistics.SingleAsync(s => s.CommuneCode == PortalAppFactory.HamRong && s.Day == expectedDay))).Submitted);
        var (breaks, lines, _) = await factory.QueryAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None));
        Assert.Empty(breaks);
        Assert.True(lines >= 150);
    }

    private async Task<List<DossierEvent>> TrailAsync(string code, string last)
    {
        var id = await factory.QueryAsync(db => db.Dossiers.Where(d => d.Code == DossierCode.Parse(code)).Select(d => d.Id).SingleAsync());
        await Eventually.GetAsync(() => factory.QueryAsync(db => db.DossierEvents.FirstOrDefaultAsync(e => e.DossierId == id && e.Type == last)), $"{last} in the trail of {code}");
        return await factory.QueryAsync(db => db.DossierEvents.Where(e => e.DossierId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());
    }
}
