using Portal.Domain.Catalogue;

namespace Portal.Domain.Fees;

/// <summary>
/// The rules module: lists the procedure's scheduled amounts for the channel (priced for the form's
/// quantities), applies the rules in force on the filing day, and keeps for each line the single most
/// favourable one. Rules never stack, so no total can go below zero. Pure and deterministic.
/// </summary>
public static class FeeAssessor
{
    public static FeeAssessment Assess(Procedure procedure, FeeContext context, IEnumerable<FeeRule> rules)
    {
        var inForce = rules.Where(r => r.IsInForceOn(context.FiledOn)).OrderBy(r => r.Id).ToList();
        var lines = procedure.FeesFor(context.Channel).Select(fee => AssessLine(procedure, fee, context, inForce)).ToList();
        return new FeeAssessment(context.Channel, context.FiledOn, lines, [.. context.ApplicantCategories.Order(StringComparer.Ordinal)], context.TimingOf(procedure));
    }

    public static FeeAssessment Assess(Procedure procedure, FilingChannel channel, DateOnly filedOn, IEnumerable<FeeRule> rules) =>
        Assess(procedure, FeeContext.Simple(channel, filedOn), rules);

    private static FeeAssessmentLine AssessLine(Procedure procedure, ScheduledFee fee, FeeContext context, List<FeeRule> rules)
    {
        var units = context.Units(fee.QuantityField);
        var multiplier = context.Units(fee.MultiplierField);
        var amount = fee.PriceFor(units, multiplier);
        var best = rules
            .Where(r => r.Scope.Covers(procedure, fee, context))
            .Select(r => (Rule: r, Reduction: r.Effect.ReductionOf(amount)))
            .Where(x => x.Reduction > 0)
            .OrderByDescending(x => x.Reduction)
            .ThenBy(x => x.Rule.Name, StringComparer.Ordinal)
            .FirstOrDefault();

        return new FeeAssessmentLine(
            fee.NameVi, fee.NameEn, fee.Kind, fee.Authority, amount, fee.LegalBasis,
            best.Rule is null ? 0 : best.Reduction, best.Rule?.Name, best.Rule?.LegalBasis, best.Rule?.Id,
            fee.IsPerUnit ? units : 1, fee.MultiplierField is null ? 1 : multiplier);
    }
}
