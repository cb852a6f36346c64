using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.AdministrativeUnits;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Messaging;

/// <summary>Its own portal instance: the test merges a commune, which must not leak into other tests.</summary>
public sealed class MergedCommuneRoutingTests(HarnessAppFactory factory) : IClassFixture<HarnessAppFactory>
{
    [Fact]
    public async Task A_dossier_for_a_merged_commune_is_routed_to_its_successors_queue()
    {
        var harness = factory.Services.GetTestHarness();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var merged = await db.Communes.SingleAsync(c => c.Code == CommuneCode.Parse(PortalAppFactory.HacThanh));
            merged.MergeInto(CommuneCode.Parse(PortalAppFactory.HamRong));
            await db.SaveChangesAsync();
        }

        factory.Services.GetRequiredService<CommuneDirectory>().Invalidate();

        var code = (await DossierFiler.FileAsync(factory.Services, "1.001193", PortalAppFactory.HacThanh)).Value;

        Assert.True(await harness.Sent.Any<AddDossierToWorklist>(x =>
            x.Context.Message.Code == code && x.Context.DestinationAddress!.AbsolutePath.EndsWith("/worklist-14758-committee", StringComparison.Ordinal)));
        var item = await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the worklist item");
        Assert.Equal("worklist-14758-committee", item.QueueName);
    }
}
