using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.Worklists;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Statistics;

/// <summary>What a backlog counter counts the open worklist entries of a queue by.</summary>
public enum BacklogAxis
{
    /// <summary>By the local day the dossier was filed: the backlog's size and age.</summary>
    Filed = 1,

    /// <summary>By the local day it is due: what is overdue.</summary>
    Due = 2,

    /// <summary>By the local day it is due, leaving out those waiting for a leader's signature: the breach forecast's input.</summary>
    DueToWork = 3,
}

/// <summary>
/// The open backlog as counters: how many of a queue's open worklist entries (not yet processed) fall on
/// each day of an axis. Kept in the same transaction as the worklist itself (<see cref="UnitOfWork"/>),
/// so the supervisors' pages read a few thousand counter rows instead of every open dossier.
/// </summary>
public sealed class BacklogCounter
{
    public required BacklogAxis Axis { get; init; }

    public required string CommuneCode { get; init; }

    public required HandlingAgency Agency { get; init; }

    public required DateOnly Day { get; init; }

    public int Count { get; set; }

    public BacklogKey Key => new(Axis, CommuneCode, Agency, Day);
}

public readonly record struct BacklogKey(BacklogAxis Axis, string CommuneCode, HandlingAgency Agency, DateOnly Day);

/// <summary>The part of a worklist entry the backlog counters depend on.</summary>
public sealed record BacklogState(string CommuneCode, HandlingAgency Agency, DossierStatus Status, DateTimeOffset FiledAt, DateTimeOffset DueAt, bool AwaitingSignature)
{
    public static readonly Expression<Func<WorklistItem, BacklogState>> Projection =
        w => new BacklogState(w.CommuneCode, w.Agency, w.Status, w.FiledAt, w.DueAt, w.AwaitingSignature);

    /// <summary>Processed entries wait only for the result to be handed over: no longer backlog.</summary>
    public bool IsOpen => Status != DossierStatus.Processed;

    public IEnumerable<BacklogKey> Keys()
    {
        if (!IsOpen)
        {
            yield break;
        }

        yield return new BacklogKey(BacklogAxis.Filed, CommuneCode, Agency, StatisticRules.Day(FiledAt));
        yield return new BacklogKey(BacklogAxis.Due, CommuneCode, Agency, StatisticRules.Day(DueAt));
        if (!AwaitingSignature)
        {
            yield return new BacklogKey(BacklogAxis.DueToWork, CommuneCode, Agency, StatisticRules.Day(DueAt));
        }
    }

    public static BacklogState Of(WorklistItem item) => new(item.CommuneCode, item.Agency, item.Status, item.FiledAt, item.DueAt, item.AwaitingSignature);
}

public sealed record BacklogDifference(BacklogKey Key, int Counter, int Recount);

public static class BacklogCounters
{
    /// <summary>The counter changes of one entry going from <paramref name="before"/> to <paramref name="after"/> (null: absent).</summary>
    public static IEnumerable<(BacklogKey Key, int Delta)> Change(BacklogState? before, BacklogState? after) =>
        (before?.Keys() ?? []).Select(k => (k, -1)).Concat((after?.Keys() ?? []).Select(k => (k, 1)));

    /// <summary>Applies the changes inside the caller's transaction (rows reaching zero are removed).</summary>
    public static async Task ApplyAsync(PortalDbContext db, IEnumerable<(BacklogKey Key, int Delta)> changes, CancellationToken cancellationToken)
    {
        foreach (var (key, delta) in changes.GroupBy(c => c.Key).Select(g => (g.Key, g.Sum(c => c.Delta))).Where(c => c.Item2 != 0))
        {
            var row = db.BacklogCounters.Where(c => c.Axis == key.Axis && c.CommuneCode == key.CommuneCode && c.Agency == key.Agency && c.Day == key.Day);
            if (await row.ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + delta), cancellationToken) == 0)
            {
                // No row yet: an increase creates it; a decrease of a missing row is drift, which `statistics verify` reports.
                if (delta > 0)
                {
                    db.BacklogCounters.Add(new BacklogCounter { Axis = key.Axis, CommuneCode = key.CommuneCode, Agency = key.Agency, Day = key.Day, Count = delta });
                }
            }
            else if (delta < 0)
            {
                await row.Where(c => c.Count <= 0).ExecuteDeleteAsync(cancellationToken);
            }
        }
    }

    /// <summary>The counters recounted from the worklist (of the given communes, or all).</summary>
    public static async Task<Dictionary<BacklogKey, int>> FromWorklistAsync(PortalDbContext db, IReadOnlyCollection<string>? communes, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<BacklogKey, int>();
        var open = db.WorklistItems.AsNoTracking().Where(w => w.Status != DossierStatus.Processed);
        var entries = (communes is null ? open : open.Where(w => communes.Contains(w.CommuneCode)))
            .Select(BacklogState.Projection)
            .AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            foreach (var key in entry.Keys())
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    /// <summary>Replaces the counters (of the given communes, or all) with a recount, inside the caller's transaction.</summary>
    public static async Task<int> RecountAsync(PortalDbContext db, IReadOnlyCollection<string>? communes, CancellationToken cancellationToken)
    {
        var recount = await FromWorklistAsync(db, communes, cancellationToken);
        foreach (var tracked in db.ChangeTracker.Entries<BacklogCounter>().ToList())
        {
            tracked.State = EntityState.Detached;
        }

        await (communes is null ? db.BacklogCounters : db.BacklogCounters.Where(c => communes.Contains(c.CommuneCode))).ExecuteDeleteAsync(cancellationToken);
        db.BacklogCounters.AddRange(recount.Select(r => new BacklogCounter { Axis = r.Key.Axis, CommuneCode = r.Key.CommuneCode, Agency = r.Key.Agency, Day = r.Key.Day, Count = r.Value }));
        return recount.Count;
    }

    /// <summary>Every key where the counters and a recount from the worklist disagree.</summary>
    public static async Task<IReadOnlyList<BacklogDifference>> CompareAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var recount = await FromWorklistAsync(db, null, cancellationToken);
        var counters = (await db.BacklogCounters.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => c.Key, c => c.Count);
        return [.. recount.Keys.Union(counters.Keys)
            .Select(key => new BacklogDifference(key, counters.GetValueOrDefault(key), recount.GetValueOrDefault(key)))
            .Where(d => d.Counter != d.Recount)];
    }
}
