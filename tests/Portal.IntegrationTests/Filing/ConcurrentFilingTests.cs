using Microsoft.EntityFrameworkCore;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Filing;

public sealed class ConcurrentFilingTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Concurrent_filings_all_succeed_with_distinct_codes_and_each_reaches_one_worklist()
    {
        const int filings = 60;
        _ = factory.Services; // start the host once, before the parallel callers race to start it

        var codes = await Task.WhenAll(Enumerable.Range(0, filings).Select(i =>
            Task.Run(() => DossierFiler.FileAsync(factory.Services, i % 2 == 0 ? "1.001193" : "1.004222", i % 3 == 0 ? PortalAppFactory.HacThanh : PortalAppFactory.HamRong))));

        Assert.Equal(filings, codes.Select(c => c.Value).Distinct().Count());
        var values = codes.Select(c => c.Value).ToList();
        await Eventually.GetAsync(
            async () => await factory.QueryAsync(db => db.WorklistItems.CountAsync(w => values.Contains(w.DossierCode))) == filings ? (object)true : null,
            "every filing to reach a worklist");
        Assert.Equal(filings, await factory.QueryAsync(db => db.WorklistItems.Where(w => values.Contains(w.DossierCode)).Select(w => w.DossierId).Distinct().CountAsync()));
    }
}
