using Microsoft.EntityFrameworkCore;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Calendar;
using Portal.Domain.Dossiers;
using Portal.Domain.Routing;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;
using Portal.Infrastructure.Statistics;

namespace Portal.Infrastructure.AdministrativeUnits;

public enum UnitChangeKind
{
    Merge = 1,
    Transfer = 2,
}

/// <summary>The audit of changes to where dossiers are processed: mergers of communes and transfers of single dossiers.</summary>
public sealed class UnitChange
{
    public long Id { get; private set; }

    public required UnitChangeKind Kind { get; init; }

    public required string FromCommune { get; init; }

    public required string ToCommune { get; init; }

    public string? DossierCode { get; init; }

    public int DossiersMoved { get; init; }

    public string? Reason { get; init; }

    public required string Actor { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>
/// Moves processing between communes in one audited transaction: a merger sends the merged unit's open
/// dossiers (their worklist entries; due dates are kept) to the successor's queues and future filings
/// follow the successor link; a transfer moves one dossier to another commune's queue.
/// </summary>
public sealed class UnitChanges(UnitOfWork unitOfWork, CommuneDirectory directory, TimeProvider clock)
{
    public async Task<int> MergeAsync(CommuneCode merged, CommuneCode successor, string actor, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        var moved = await unitOfWork.ExecuteAsync(
            async ct =>
            {
                var from = await db.Communes.SingleAsync(c => c.Code == merged, ct);
                var into = await db.Communes.SingleAsync(c => c.Code == successor, ct);
                if (!from.IsActive || !into.IsActive)
                {
                    throw new InvalidOperationException("Only active communes can be merged.");
                }

                var now = clock.GetUtcNow();
                from.MergeInto(successor, VietnamTime.LocalDate(now));

                // Every open dossier of the merged commune now belongs to the successor (its history and deadline clock
                // record the move), whether or not it has reached a worklist yet.
                var open = await db.Dossiers.Where(d => d.CommuneCode == merged && d.CompletedAt == null).ToListAsync(ct);
                foreach (var dossier in open)
                {
                    dossier.TransferTo(successor, actor, now, $"Sáp nhập {from.FullName} vào {into.FullName}");
                }

                var count = 0;
                foreach (var agency in new[] { Domain.Catalogue.HandlingAgency.CommunePolice, Domain.Catalogue.HandlingAgency.CommuneCommittee })
                {
                    var oldQueue = new ProcessingQueue(merged, agency).Name;
                    var newQueue = new ProcessingQueue(successor, agency).Name;
                    count += await db.WorklistItems.Where(w => w.QueueName == oldQueue)
                        .ExecuteUpdateAsync(s => s.SetProperty(w => w.QueueName, newQueue).SetProperty(w => w.CommuneCode, successor.Value), ct);
                }

                await BacklogCounters.RecountAsync(db, [merged.Value, successor.Value], ct);
                db.UnitChanges.Add(new UnitChange
                {
                    Kind = UnitChangeKind.Merge, FromCommune = merged.Value, ToCommune = successor.Value, DossiersMoved = Math.Max(count, open.Count), Actor = actor, At = now,
                });
                return Math.Max(count, open.Count);
            },
            cancellationToken);
        directory.Invalidate();
        return moved;
    }

    public async Task<bool> TransferAsync(DossierCode code, CommuneCode to, string actor, string reason, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        return await unitOfWork.ExecuteAsync(
            async ct =>
            {
                var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Code == code, ct);
                var target = await db.Communes.FirstOrDefaultAsync(c => c.Code == to, ct);
                if (dossier is null || target is not { IsActive: true })
                {
                    return false;
                }

                var from = dossier.CommuneCode;
                dossier.TransferTo(to, actor, clock.GetUtcNow(), reason);
                var queue = new ProcessingQueue(to, dossier.Agency);
                var before = await db.WorklistItems.AsNoTracking().Where(w => w.DossierId == dossier.Id).Select(BacklogState.Projection).FirstOrDefaultAsync(ct);
                await BacklogCounters.ApplyAsync(db, BacklogCounters.Change(before, before is null ? null : before with { CommuneCode = to.Value }), ct);
                await db.WorklistItems.Where(w => w.DossierId == dossier.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.QueueName, queue.Name).SetProperty(w => w.CommuneCode, to.Value), ct);
                db.UnitChanges.Add(new UnitChange
                {
                    Kind = UnitChangeKind.Transfer, FromCommune = from.Value, ToCommune = to.Value, DossierCode = code.Value, DossiersMoved = 1,
                    Reason = reason, Actor = actor, At = clock.GetUtcNow(),
                });
                return true;
            },
            cancellationToken);
    }
}
