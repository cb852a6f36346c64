using Microsoft.EntityFrameworkCore;
using Portal.Domain.Documents;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Statistics;

public sealed record StatisticDifference(StatisticKey Key, DossierStatistic? Counter, DossierStatistic? Recount);

/// <summary>
/// Recounts the supervisors' counters from the dossiers themselves (the one place that scans them: an
/// operator's command, never a page), compares them with the counters the events built, and can
/// replace the counters with the recount.
/// </summary>
public static class StatisticsRecount
{
    public static async Task<Dictionary<StatisticKey, DossierStatistic>> FromDossiersAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<StatisticKey, DossierStatistic>();
        DossierStatistic Row(StatisticKey key)
        {
            if (!rows.TryGetValue(key, out var row))
            {
                rows[key] = row = DossierStatistic.Empty(key);
            }

            return row;
        }

        var dossiers = db.Dossiers.AsNoTracking().IgnoreAutoIncludes()
            .Select(d => new
            {
                d.CommuneCode, d.Agency, d.ProcedureCode, d.Channel, d.FiledAt, d.ReceivedAt, d.Fee, d.Status, d.Outcome, d.Timeliness, d.CompletedAt,
                Uploaded = db.Attachments.Any(a => a.DossierId == d.Id && a.Kind == AttachmentKind.Upload),
                Reused = db.Attachments.Any(a => a.DossierId == d.Id && a.Kind == AttachmentKind.ReusedResult),
            })
            .AsAsyncEnumerable();
        await foreach (var d in dossiers.WithCancellation(cancellationToken))
        {
            foreach (var key in new StatisticKey(d.CommuneCode.Value, d.Agency, d.ProcedureCode, StatisticRules.Day(d.FiledAt)).WithRollUps())
            {
                StatisticRules.Filed(Row(key), d.Channel, d.Fee.WaivedVnd, d.Uploaded, d.Reused);
            }

            if (d.CompletedAt is { } completed)
            {
                var endedAs = d.Status == DossierStatus.ResultReturned ? DossierStatus.Processed : d.Status;
                foreach (var key in new StatisticKey(d.CommuneCode.Value, d.Agency, d.ProcedureCode, StatisticRules.Day(completed)).WithRollUps())
                {
                    StatisticRules.Completed(Row(key), endedAs, d.Outcome, d.Timeliness, StatisticRules.Processing(d.FiledAt, d.ReceivedAt, completed));
                }
            }
        }

        var supplements = db.DossierTransitions.AsNoTracking()
            .Where(t => t.To == DossierStatus.SupplementRequested && t.From != DossierStatus.SupplementRequested)
            .Join(db.Dossiers.IgnoreAutoIncludes(), t => t.DossierId, d => d.Id, (t, d) => new { d.CommuneCode, d.Agency, d.ProcedureCode, t.At })
            .AsAsyncEnumerable();
        await foreach (var s in supplements.WithCancellation(cancellationToken))
        {
            foreach (var key in new StatisticKey(s.CommuneCode.Value, s.Agency, s.ProcedureCode, StatisticRules.Day(s.At)).WithRollUps())
            {
                StatisticRules.SupplementRequested(Row(key));
            }
        }

        return rows;
    }

    /// <summary>Every key where the counters and the recount disagree (an empty list proves they match).</summary>
    public static async Task<IReadOnlyList<StatisticDifference>> CompareAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var recount = await FromDossiersAsync(db, cancellationToken);
        var counters = await db.DossierStatistics.AsNoTracking().ToDictionaryAsync(s => s.Key, cancellationToken);
        var empty = DossierStatistic.Empty(default).Counts;
        return [.. recount.Keys.Union(counters.Keys)
            .Select(key => new StatisticDifference(key, counters.GetValueOrDefault(key), recount.GetValueOrDefault(key)))
            .Where(d => (d.Counter?.Counts ?? empty) != (d.Recount?.Counts ?? empty))];
    }

    /// <summary>Replaces every counter (and the open-backlog counters, from the worklist) with the recount, in one transaction on the write path.</summary>
    public static async Task<int> RebuildAsync(UnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        return await unitOfWork.ExecuteAsync(
            async ct =>
            {
                var recount = await FromDossiersAsync(db, ct);
                foreach (var tracked in db.ChangeTracker.Entries<DossierStatistic>().ToList())
                {
                    tracked.State = EntityState.Detached;
                }

                await db.DossierStatistics.ExecuteDeleteAsync(ct);
                db.DossierStatistics.AddRange(recount.Values);
                await BacklogCounters.RecountAsync(db, null, ct);
                return recount.Count;
            },
            cancellationToken);
    }
}
