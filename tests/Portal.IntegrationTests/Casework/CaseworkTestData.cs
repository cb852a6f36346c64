using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Statistics;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests;

/// <summary>Casework test set-up that stands in for time passing.</summary>
public static class CaseworkTestData
{
    /// <summary>Moves a dossier's statutory date (its clock's start, the dossier and its worklist row) to <paramref name="ago"/> before now.</summary>
    public static Task MakeOverdueAsync(PortalAppFactory portal, string code, TimeSpan ago) => SetDueAsync(portal, code, DateTimeOffset.UtcNow - ago);

    /// <summary>Sets a dossier's statutory date (its clock's start, the dossier, its worklist row and the backlog counters).</summary>
    public static async Task SetDueAsync(PortalAppFactory portal, string code, DateTimeOffset due)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = unitOfWork.Db;
        var dossierCode = DossierCode.Parse(code);
        await unitOfWork.ExecuteAsync(
            async ct =>
            {
                var id = await db.Dossiers.Where(d => d.Code == dossierCode).Select(d => d.Id).SingleAsync(ct);
                await db.DeadlineEvents.Where(e => e.DossierId == id && e.Kind == DeadlineEventKind.Start).ExecuteUpdateAsync(s => s.SetProperty(e => e.DueAt, due), ct);
                await db.Dossiers.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, due).SetProperty(d => d.AppointmentAt, due), ct);
                var before = await db.WorklistItems.AsNoTracking().Where(w => w.DossierId == id).Select(BacklogState.Projection).FirstOrDefaultAsync(ct);
                await db.WorklistItems.Where(w => w.DossierId == id).ExecuteUpdateAsync(s => s.SetProperty(w => w.DueAt, due).SetProperty(w => w.AppointmentAt, due), ct);
                await BacklogCounters.ApplyAsync(db, BacklogCounters.Change(before, before is null ? null : before with { DueAt = due }), ct);
            },
            CancellationToken.None);
    }
}
