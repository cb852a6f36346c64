using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.AdministrativeUnits;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Hosting;

/// <summary>
/// Reference data is seeded when the files differ from what the database last took (a hash stamped in the
/// database), and skipped at a start that finds the same files, which saves half a second of every start.
/// </summary>
public sealed class ReferenceSeedingTests(PortalAppFactory portal) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task A_start_with_the_same_files_skips_the_seeding_and_a_changed_stamp_seeds_again()
    {
        var stamp = await portal.QueryAsync(db => db.SeedStamps.SingleAsync(s => s.Name == ReferenceDataSeeder.StampName));
        Assert.Equal(ReferenceDataSeeder.FilesHash(), stamp.Hash);

        // A commune edited behind the seeder's back: a start with the same files leaves it as it is.
        var hamRong = CommuneCode.Parse(PortalAppFactory.HamRong);
        var name = await portal.QueryAsync(db => db.Communes.Where(c => c.Code == hamRong).Select(c => c.Name).SingleAsync());
        await ExecuteAsync(db => db.Communes.Where(c => c.Code == hamRong).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Tên đã sửa")));
        await SeedAsync();
        Assert.Equal("Tên đã sửa", await portal.QueryAsync(db => db.Communes.Where(c => c.Code == hamRong).Select(c => c.Name).SingleAsync()));

        // Files that changed (here: a stamp that no longer matches) are applied, and stamped.
        await ExecuteAsync(db => db.SeedStamps.Where(s => s.Name == ReferenceDataSeeder.StampName).ExecuteUpdateAsync(s => s.SetProperty(x => x.Hash, "older")));
        await SeedAsync();
        Assert.Equal(name, await portal.QueryAsync(db => db.Communes.Where(c => c.Code == hamRong).Select(c => c.Name).SingleAsync()));
        Assert.Equal(ReferenceDataSeeder.FilesHash(), (await portal.QueryAsync(db => db.SeedStamps.SingleAsync(s => s.Name == ReferenceDataSeeder.StampName))).Hash);
    }

    private async Task SeedAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
    }

    private async Task ExecuteAsync(Func<PortalDbContext, Task<int>> change)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        using (await scope.ServiceProvider.GetRequiredService<IWriteGate>().EnterAsync(CancellationToken.None))
        {
            Assert.Equal(1, await change(db));
        }
    }
}
