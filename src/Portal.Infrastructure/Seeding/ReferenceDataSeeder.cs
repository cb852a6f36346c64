using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;

namespace Portal.Infrastructure.Seeding;

/// <summary>
/// Brings the database in line with the reference files, idempotently: communes, procedures and
/// holidays are upserted by key; fee rules are only added (administrators own them once seeded). The
/// files' hash is stamped in the database after a seeding, and a start that finds the same stamp skips
/// the work (half a second of every start, docs/benchmarks.md).
/// </summary>
public sealed class ReferenceDataSeeder(PortalDbContext db, TimeProvider clock)
{
    public const string StampName = "reference-data";

    /// <summary>Raise it when the seeding itself changes, so that every database is seeded again once.</summary>
    private const int SeederVersion = 1;

    /// <summary>SHA-256 of the embedded reference files (and the seeder's version).</summary>
    public static string FilesHash()
    {
        var assembly = typeof(ReferenceDataFiles).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"seeder {SeederVersion}\n"));
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Portal.ReferenceData.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            var buffer = new byte[stream.Length];
            stream.ReadExactly(buffer);
            hash.AppendData(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Resolution 1686/NQ-UBTVQH15: the 166 units of the file exist from 01/07/2025.</summary>
    public static readonly DateOnly ReorganisationDay = new(2025, 7, 1);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var files = FilesHash();
        var stamp = await db.SeedStamps.FirstOrDefaultAsync(s => s.Name == StampName, cancellationToken);
        if (stamp?.Hash == files)
        {
            return;
        }

        if (stamp is null)
        {
            db.SeedStamps.Add(new SeedStamp { Name = StampName, Hash = files, AppliedAt = clock.GetUtcNow() });
        }
        else
        {
            stamp.Hash = files;
            stamp.AppliedAt = clock.GetUtcNow();
        }

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

/// <summary>What a seeding step last applied (the hash of its input), so that a start with the same input skips it.</summary>
public sealed class SeedStamp
{
    public const int NameMaxLength = 40;

    public required string Name { get; init; }

    public required string Hash { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}
