using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Messaging.Consumers;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Messaging;

/// <summary>Every dossier event the bus carries lands once in the audit trail, in the order it happened.</summary>
public sealed class AuditTrailTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    [Fact]
    public async Task Filing_routing_status_changes_supplement_and_result_are_each_recorded_once()
    {
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
        await ActAsync(officer, approved, "receive");
        await ActAsync(officer, approved, "start");
        await ActAsync(leader, approved, "approve");
        await ActAsync(officer, approved, "return");
        await ActAsync(officer, incomplete, "receive");
        await ActAsync(officer, incomplete, "start");
        await ActAsync(officer, incomplete, "supplement", new() { ["reason"] = "Bổ sung bản sao giấy khai sinh" });

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
    }

    private static async Task ActAsync(BrowserClient user, string code, string step, Dictionary<string, string>? fields = null)
    {
        var response = await user.PostFormAsync($"/can-bo/ho-so/{code}/{step}", fields ?? [], $"/can-bo/ho-so/{code}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<List<DossierEvent>> TrailAsync(string code, string last)
    {
        var id = await factory.QueryAsync(db => db.Dossiers.Where(d => d.Code == DossierCode.Parse(code)).Select(d => d.Id).SingleAsync());
        await Eventually.GetAsync(() => factory.QueryAsync(db => db.DossierEvents.FirstOrDefaultAsync(e => e.DossierId == id && e.Type == last)), $"{last} in the trail of {code}");
        return await factory.QueryAsync(db => db.DossierEvents.Where(e => e.DossierId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());
    }
}
