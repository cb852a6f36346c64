using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Messaging.Consumers;
using Portal.Infrastructure.Persistence;
using Portal.IntegrationTests.Support;
using Portal.Web.Features.Audit;

namespace Portal.IntegrationTests.Messaging;

/// <summary>The audit trail is a hash chain: <c>audit verify</c> passes it as written and names the line that was changed or removed.</summary>
public sealed class AuditChainTests(PortalAppFactory portal) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task The_chain_holds_as_written_and_a_changed_or_removed_line_is_named()
    {
        for (var i = 0; i < 3; i++)
        {
            var code = (await DossierFiler.FileAsync(portal.Services, "1.001193", PortalAppFactory.HamRong)).Value;
            await Eventually.GetAsync(
                () => portal.QueryAsync(db => db.DossierEvents.FirstOrDefaultAsync(e => e.Type == "DossierRouted" && e.Body.Contains(code))), "the dossier's routing in the trail");
        }

        var (exit, output) = await VerifyAsync();
        Assert.Equal(0, exit);
        Assert.Matches(@"audit trail intact: \d+ lines", output);
        var lines = await portal.QueryAsync(db => db.DossierEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.True(lines.Count >= 6);
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long)i), lines.Select(l => l.Sequence));
        Assert.Equal(AuditChain.Genesis, lines[0].PreviousHash);
        Assert.All(lines.Skip(1).Zip(lines), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));

        // Someone with the database owner's rights drops the append-only triggers and edits a line.
        await AsDatabaseOwnerAsync(db => db.DossierEvents.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, e => e.Body + " ")));
        (exit, output) = await VerifyAsync();
        Assert.Equal(1, exit);
        Assert.Contains("line 2: its content does not match its hash", output, StringComparison.Ordinal);

        // Put back, then someone removes a line.
        await AsDatabaseOwnerAsync(db => db.DossierEvents.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, lines[1].Body)));
        Assert.Equal(0, (await VerifyAsync()).Exit);
        await AsDatabaseOwnerAsync(db => db.DossierEvents.Where(e => e.Sequence == 3).ExecuteDeleteAsync());
        (exit, output) = await VerifyAsync();
        Assert.Equal(1, exit);
        Assert.Contains("line 4: expected line 3: lines are missing", output, StringComparison.Ordinal);
        Assert.Contains("line 4: does not follow the line before it", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_written_before_the_chain_are_sealed_in_their_order_at_start_up()
    {
        var code = (await DossierFiler.FileAsync(portal.Services, "1.004222", PortalAppFactory.HacThanh)).Value;
        await Eventually.GetAsync(
            () => portal.QueryAsync(db => db.DossierEvents.FirstOrDefaultAsync(e => e.Type == "DossierRouted" && e.Body.Contains(code))), "the dossier's routing in the trail");
        await using var scope = portal.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();

        // As the AuditHashChain migration leaves an older trail: unsealed, numbered apart.
        var count = await unitOfWork.Db.DossierEvents.CountAsync();
        await AsDatabaseOwnerAsync(db => db.DossierEvents.ExecuteUpdateAsync(s => s.SetProperty(e => e.Hash, string.Empty).SetProperty(e => e.PreviousHash, string.Empty).SetProperty(e => e.Sequence, e => -e.Id)));
        Assert.NotEqual(0, (await VerifyAsync()).Exit);
        var lastOld = await unitOfWork.Db.DossierEvents.MaxAsync(e => e.Id);

        // The portal keeps running before the seal (the SQL Server script path seals by command): new lines start a sealed chain.
        var late = (await DossierFiler.FileAsync(portal.Services, "1.004222", PortalAppFactory.HacThanh)).Value;
        await Eventually.GetAsync(
            () => portal.QueryAsync(db => db.DossierEvents.FirstOrDefaultAsync(e => e.Type == "DossierRouted" && e.Body.Contains(late))), "the late dossier's routing in the trail");
        var total = await unitOfWork.Db.DossierEvents.CountAsync();

        Assert.Equal(count, await AuditChain.SealUnsealedAsync(unitOfWork, CancellationToken.None));
        var (exit, output) = await VerifyAsync();
        Assert.Equal(0, exit);
        Assert.Contains($"audit trail intact: {total} lines", output, StringComparison.Ordinal);
        var old = await unitOfWork.Db.DossierEvents.AsNoTracking().Where(e => e.Id <= lastOld).OrderBy(e => e.Sequence).Select(e => e.Id).ToListAsync();
        Assert.Equal(old.Order(), old); // the older lines sealed in the order they were written, after the new ones
    }

    [Fact]
    public async Task The_database_itself_refuses_to_change_or_delete_a_sealed_line()
    {
        var code = (await DossierFiler.FileAsync(portal.Services, "1.001193", PortalAppFactory.HamRong)).Value;
        var line = await Eventually.GetAsync(
            () => portal.QueryAsync(db => db.DossierEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Type == "DossierRouted" && e.Body.Contains(code))), "the dossier's routing in the trail");

        var changed = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            portal.QueryAsync(db => db.DossierEvents.Where(e => e.Id == line.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, "{}"))));
        Assert.Contains("append-only", changed.Message, StringComparison.Ordinal);
        var deleted = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            portal.QueryAsync(db => db.DossierEvents.Where(e => e.Id == line.Id).ExecuteDeleteAsync()));
        Assert.Contains("append-only", deleted.Message, StringComparison.Ordinal);

        Assert.Equal(line.Body, await portal.QueryAsync(db => db.DossierEvents.Where(e => e.Id == line.Id).Select(e => e.Body).SingleAsync()));
    }

    /// <summary>What only the database's owner can do: drop the append-only triggers, change the table, put them back.</summary>
    private Task AsDatabaseOwnerAsync(Func<PortalDbContext, Task<int>> change) =>
        portal.QueryAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(AuditTriggers.SqliteDrop);
            await change(db);
            await db.Database.ExecuteSqlRawAsync(AuditTriggers.SqliteCreate);
            return true;
        });

    private async Task<(int Exit, string Output)> VerifyAsync()
    {
        using var output = new StringWriter();
        var exit = await AuditCommand.RunAsync(portal.Services, ["audit", "verify"], output);
        return (exit, output.ToString());
    }
}
