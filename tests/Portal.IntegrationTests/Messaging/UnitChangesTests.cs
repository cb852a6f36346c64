using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.AdministrativeUnits;
using Portal.Infrastructure.Statistics;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Messaging;

/// <summary>A merger re-homes a commune's open dossiers to its successor in one audited batch; a single dossier can be transferred.</summary>
public sealed class UnitChangesTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    [Fact]
    public Task Merging_a_commune_moves_its_open_dossiers_to_the_successors_queue_and_officers_with_due_dates_kept() => MergeAsync(factory);

    /// <summary>The merger, on whichever bus the factory runs (the in-memory default here, RabbitMQ in <see cref="RabbitMqUnitChangesTests"/>).</summary>
    internal static async Task MergeAsync(KestrelPortalFactory factory)
    {
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await DossierFiler.FileAsync(factory.Services, "1.001193", PortalAppFactory.HacThanh)).Value);
        }

        await Eventually.GetAsync(
            async () => await factory.QueryAsync(db => db.WorklistItems.CountAsync(w => codes.Contains(w.DossierCode))) == 3 ? (object)true : null, "the dossiers in Hạc Thành's queue");
        var dueBefore = await factory.QueryAsync(db => db.WorklistItems.Where(w => codes.Contains(w.DossierCode)).Select(w => w.DueAt).ToListAsync());
        using var admin = factory.CreateBrowser();
        await admin.SignInAsync("admin");

        var merged = await admin.PostFormAsync("/quan-tri/don-vi/sap-nhap", new() { ["merged"] = "14797", ["successor"] = "14758" }, "/quan-tri/don-vi");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var items = await factory.QueryAsync(db => db.WorklistItems.Where(w => codes.Contains(w.DossierCode)).ToListAsync());
        Assert.All(items, w => Assert.Equal("worklist-14758-committee", w.QueueName));
        Assert.Equal(dueBefore.Order(), items.Select(w => w.DueAt).Order());
        var change = await factory.QueryAsync(db => db.UnitChanges.SingleAsync(c => c.Kind == UnitChangeKind.Merge));
        Assert.Equal(("14797", "14758", "admin"), (change.FromCommune, change.ToCommune, change.Actor));
        Assert.True(change.DossiersMoved >= 3);
        var parsed = codes.Select(DossierCode.Parse).ToList();
        var dossiers = await factory.QueryAsync(db => db.Dossiers.Include(d => d.History).Where(d => parsed.Contains(d.Code)).ToListAsync());
        Assert.All(dossiers, d => Assert.Equal("14758", d.CommuneCode.Value)); // the dossiers themselves, not only their worklist rows
        Assert.All(dossiers, d => Assert.Contains(d.History, h => h.Reason is { } reason && reason.StartsWith("→ 14758: Sáp nhập Phường Hạc Thành vào Phường Hàm Rồng", StringComparison.Ordinal)));

        using var successorOfficer = factory.CreateBrowser();
        await successorOfficer.SignInAsync("committee.14758");
        Assert.Equal(HttpStatusCode.OK, (await successorOfficer.Http.GetAsync($"/can-bo/ho-so/{codes[0]}")).StatusCode);
        Assert.Contains(codes[0], await (await successorOfficer.GetAsync("/can-bo/hang-doi")).Content.ReadAsStringAsync());

        var late = (await DossierFiler.FileAsync(factory.Services, "1.001193", PortalAppFactory.HacThanh)).Value;
        var routed = await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == late)), "a filing for the merged commune");
        Assert.Equal("worklist-14758-committee", routed.QueueName);

        // The open-backlog counters followed the move: nothing left for the merged commune, and a recount agrees.
        Assert.False(await factory.QueryAsync(db => db.BacklogCounters.AnyAsync(c => c.CommuneCode == "14797")));
        Assert.True(await factory.QueryAsync(db => db.BacklogCounters.Where(c => c.CommuneCode == "14758" && c.Axis == BacklogAxis.Filed).SumAsync(c => c.Count)) >= codes.Count + 1);
        Assert.Empty(await factory.QueryAsync(db => BacklogCounters.CompareAsync(db, CancellationToken.None)));
    }

    [Fact]
    public async Task An_administrator_transfers_one_dossier_and_the_history_says_why()
    {
        var code = (await DossierFiler.FileAsync(factory.Services, "1.004222", PortalAppFactory.HamRong)).Value;
        await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier in its queue");
        using var admin = factory.CreateBrowser();
        await admin.SignInAsync("admin");

        var noReason = await admin.PostFormAsync("/quan-tri/don-vi/chuyen-ho-so", new() { ["code"] = code, ["to"] = "14812" }, "/quan-tri/don-vi");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var moved = await admin.PostFormAsync("/quan-tri/don-vi/chuyen-ho-so", new() { ["code"] = code, ["to"] = "14812", ["reason"] = "Công dân chuyển nơi cư trú" }, "/quan-tri/don-vi");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var item = await factory.QueryAsync(db => db.WorklistItems.SingleAsync(w => w.DossierCode == code));
        Assert.Equal("worklist-14812-police", item.QueueName);
        var dossier = await factory.QueryAsync(db => db.Dossiers.Include(d => d.History).SingleAsync(d => d.Code == DossierCode.Parse(code)));
        Assert.Equal("14812", dossier.CommuneCode.Value);
        Assert.Contains(dossier.History, t => t.Reason == "→ 14812: Công dân chuyển nơi cư trú" && t.Actor == "admin");
        Assert.True(await factory.QueryAsync(db => db.UnitChanges.AnyAsync(c => c.Kind == UnitChangeKind.Transfer && c.DossierCode == code)));
        Assert.True(await factory.QueryAsync(db => db.BacklogCounters.AnyAsync(c => c.CommuneCode == "14812" && c.Agency == item.Agency && c.Axis == BacklogAxis.Due)));
        Assert.Empty(await factory.QueryAsync(db => BacklogCounters.CompareAsync(db, CancellationToken.None)));
    }
}

/// <summary>The portal on Kestrel over the real RabbitMQ broker the test command starts.</summary>
public sealed class RabbitMqKestrelFactory : KestrelPortalFactory
{
    protected override void ConfigureSettings(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseSetting("Messaging:Transport", "RabbitMq");
        builder.UseSetting("Messaging:RabbitMq:Host", "127.0.0.1");
        builder.UseSetting("Messaging:RabbitMq:Port", RabbitMqAppFactory.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[Collection(RabbitCollection.Name)]
public sealed class RabbitMqUnitChangesTests(RabbitMqKestrelFactory factory) : IClassFixture<RabbitMqKestrelFactory>
{
    [Fact]
    public Task Merging_a_commune_over_RabbitMQ_moves_its_open_dossiers_and_later_filings_to_the_successors_queue() => UnitChangesTests.MergeAsync(factory);
}
