using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Hosting;

/// <summary>The same executable as a processing replica: consumers and sweeps run, only health endpoints answer.</summary>
public sealed class ProcessingRoleTests(ProcessingRoleTests.ProcessingFactory factory) : IClassFixture<ProcessingRoleTests.ProcessingFactory>
{
    [Fact]
    public async Task A_processing_replica_routes_dossiers_and_serves_nothing_but_health()
    {
        using var client = factory.CreatePortalClient();

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/dang-nhap")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/api/v1/procedures")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/api/v1/openapi.json")).StatusCode);

        var code = (await DossierFiler.FileAsync(factory.Services, "1.001193", PortalAppFactory.HamRong)).Value;
        var item = await Eventually.GetAsync(
            () => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier routed by the processing replica");
        Assert.Equal("worklist-14758-committee", item.QueueName);
    }

    public sealed class ProcessingFactory : PortalAppFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Portal:Role", "Processing");
    }
}
