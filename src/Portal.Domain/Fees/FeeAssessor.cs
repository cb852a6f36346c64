using Portal.Domain.Catalogue;

namespace Portal.Domain.Fees;

/// <summary>
/// The rules module: lists the procedure's scheduled amounts for the channel, applies the rules in
/// force on the filing day, and keeps for each line the most favourable one (rules never stack below zero).
/// </summary>
public static class FeeAssessor
{
    public static FeeAssessment Assess(Procedure procedure, FilingChannel channel, DateOnly filedOn, IEnumerable<FeeRule> rules)
    {
        var inForce = rules.Where(r => r.IsInForceOn(filedOn)).ToList();
        var lines = procedure.FeesFor(channel).Select(fee => AssessLine(procedure, fee, inForce)).ToList();
        return new FeeAssessment(channel, filedOn, lines);
    }

    private static FeeAssessmentLine AssessLine(Procedure procedure, ScheduledFee fee, List<FeeRule> rules)
    {
        var best = rules
            .Where(r => r.Scope.Covers(procedure, fee))
            .Select(r => (Rule: r, Reduction: Math.Min(fee.AmountVnd, r.ReductionOf(fee.AmountVnd))))
            .OrderByDescending(x => x.Reduction)
            .ThenBy(x => x.Rule.Name, StringComparer.Ordinal)
            .FirstOrDefault();

        return new FeeAssessmentLine(
            fee.NameVi,
            fee.NameEn,
            fee.Kind,
            fee.Authority,
            fee.AmountVnd,
            fee.LegalBasis,
            best.Rule is null ? 0 : best.Reduction,
            best.Rule?.Name,
            best.Rule?.LegalBasis);
    }
}
