using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;

namespace Portal.Infrastructure.Seeding;

/// <summary>
/// Brings the database in line with the reference files, idempotently: communes, procedures and
/// holidays are upserted by key; fee rules are only added (administrators own them once seeded).
/// </summary>
public sealed class ReferenceDataSeeder(PortalDbContext db)
{
    /// <summary>Resolution 1686/NQ-UBTVQH15: the 166 units of the file exist from 01/07/2025.</summary>
    public static readonly DateOnly ReorganisationDay = new(2025, 7, 1);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var communes = await db.Communes.ToDictionaryAsync(c => c.Code, cancellationToken);
        foreach (var commune in ReferenceDataFiles.Communes())
        {
            if (communes.TryGetValue(commune.Code, out var existing))
            {
                existing.Rename(commune.Name, commune.FullName, commune.UnitType);
                existing.ExistsFrom(ReorganisationDay);
            }
            else
            {
                commune.ExistsFrom(ReorganisationDay);
                db.Communes.Add(commune);
            }
        }

        var procedures = await db.Procedures.ToDictionaryAsync(p => p.Code, cancellationToken);
        foreach (var procedure in ReferenceDataFiles.Procedures())
        {
            if (procedures.TryGetValue(procedure.Code, out var existing))
            {
                existing.UpdateFrom(procedure);
            }
            else
            {
                db.Procedures.Add(procedure);
            }
        }

        var ruleIds = await db.FeeRules.Select(r => r.Id).ToHashSetAsync(cancellationToken);
        db.FeeRules.AddRange(ReferenceDataFiles.FeeRules().Where(r => !ruleIds.Contains(r.Id)));

        var holidays = await db.PublicHolidays.ToDictionaryAsync(h => h.Date, cancellationToken);
        foreach (var holiday in ReferenceDataFiles.Holidays())
        {
            if (holidays.TryGetValue(holiday.Date, out var existing))
            {
                existing.Update(holiday.NameVi, holiday.NameEn, holiday.IsWorkingDay);
            }
            else
            {
                db.PublicHolidays.Add(holiday);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
