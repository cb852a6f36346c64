using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Dossiers;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Hands out dossier codes from a per-commune, per-day counter inside the caller's transaction.
/// The counter row is a concurrency token and the code column is unique, so two writers can never
/// share a code (on SQLite the write gate already serialises them).
/// </summary>
public static class DossierCodeAllocator
{
    public static async Task<DossierCode> NextAsync(PortalDbContext db, CommuneCode commune, DateOnly localDay, CancellationToken cancellationToken)
    {
        var scope = string.Create(CultureInfo.InvariantCulture, $"{commune.Value}-{localDay:yyMMdd}");
        var counter = await db.DossierCodeSequences.FirstOrDefaultAsync(s => s.Scope == scope, cancellationToken);
        if (counter is null)
        {
            counter = new DossierCodeSequence { Scope = scope, Next = 1 };
            db.DossierCodeSequences.Add(counter);
        }

        var sequence = counter.Next;
        counter.Next = sequence + 1;
        return DossierCode.Create(commune, localDay, sequence);
    }
}
