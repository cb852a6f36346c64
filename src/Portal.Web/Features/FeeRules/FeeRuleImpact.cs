using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.FeeRules;

/// <summary>
/// What a draft rule would change before it is saved: each procedure's total today on each channel, and a
/// replay of the last 30 days' dossiers (their frozen total, and what they would pay now with and without the draft).
/// </summary>
public sealed class FeeRuleImpact(PortalDbContext db, TimeProvider clock)
{
    public const int ReplayDays = 30;
    public const int ReplayLimit = 20_000;

    public async Task<ImpactPreview> PreviewAsync(FeeRule draft, CancellationToken cancellationToken)
    {
        var current = await db.FeeRules.AsNoTracking().ToListAsync(cancellationToken);
        var withDraft = current.Where(r => r.Id != draft.Id).Append(draft).ToList();
        var procedures = await db.Procedures.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = VietnamTime.LocalDate(now);

        var rows = procedures
            .SelectMany(p => new[] { FilingChannel.Direct, FilingChannel.Online }.Select(channel =>
            {
                var context = FeeContext.Simple(channel, today);
                return new ProcedureImpact(p.Code, p.NameVi, p.NameEn, channel,
                    FeeAssessor.Assess(p, context, current).TotalVnd, FeeAssessor.Assess(p, context, withDraft).TotalVnd);
            }))
            .ToList();

        var since = now.AddDays(-ReplayDays);
        var recent = await db.Dossiers.AsNoTracking()
            .Where(d => d.FiledAt >= since)
            .OrderByDescending(d => d.FiledAt)
            .Take(ReplayLimit)
            .Select(d => new { d.ProcedureCode, d.Fee, d.FormData })
            .ToListAsync(cancellationToken);
        var byCode = procedures.ToDictionary(p => p.Code);
        long frozen = 0, before = 0, after = 0;
        var changed = 0;
        foreach (var dossier in recent)
        {
            var context = new FeeContext(dossier.Fee.Channel, dossier.Fee.AssessedOn, (dossier.Fee.ApplicantCategories ?? []).ToHashSet(), dossier.FormData);
            var procedure = byCode[dossier.ProcedureCode];
            var withoutTotal = FeeAssessor.Assess(procedure, context, current).TotalVnd;
            var withTotal = FeeAssessor.Assess(procedure, context, withDraft).TotalVnd;
            frozen += dossier.Fee.TotalVnd;
            before += withoutTotal;
            after += withTotal;
            changed += withoutTotal == withTotal ? 0 : 1;
        }

        return new ImpactPreview(rows, new ReplayImpact(recent.Count, changed, frozen, before, after));
    }
}

public sealed record ProcedureImpact(string Code, string NameVi, string NameEn, FilingChannel Channel, long TotalBeforeVnd, long TotalAfterVnd)
{
    public long DeltaVnd => TotalAfterVnd - TotalBeforeVnd;
}

/// <summary>The last 30 days' dossiers: how many, how many the draft changes, and the sums frozen / now / with the draft.</summary>
public sealed record ReplayImpact(int Dossiers, int Changed, long FrozenVnd, long CurrentRulesVnd, long DraftRulesVnd);

public sealed record ImpactPreview(IReadOnlyList<ProcedureImpact> Procedures, ReplayImpact Replay)
{
    public IEnumerable<ProcedureImpact> Changes => Procedures.Where(p => p.DeltaVnd != 0);
}
