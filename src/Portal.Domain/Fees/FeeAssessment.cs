using Portal.Domain.Catalogue;

namespace Portal.Domain.Fees;

/// <summary>One scheduled amount (for its quantity) and what the most favourable rule in force took off it.</summary>
public sealed record FeeAssessmentLine(
    string NameVi,
    string NameEn,
    FeeKind Kind,
    FeeAuthority Authority,
    long BaseAmountVnd,
    LegalBasis FeeBasis,
    long ReductionVnd,
    string? RuleName,
    LegalBasis? RuleBasis,
    Guid? RuleId = null,
    int Units = 1,
    int Multiplier = 1)
{
    public long AmountVnd => BaseAmountVnd - ReductionVnd;
}

/// <summary>A rule that removed something, and how much in all.</summary>
public sealed record AppliedRule(Guid? RuleId, string Name, LegalBasis LegalBasis, long RemovedVnd);

/// <summary>The fees of one dossier, computed once at filing and frozen on it with the legal basis of every line.</summary>
public sealed record FeeAssessment(
    FilingChannel Channel,
    DateOnly AssessedOn,
    IReadOnlyList<FeeAssessmentLine> Lines,
    IReadOnlyList<string>? ApplicantCategories = null,
    EventTiming Timing = EventTiming.Any)
{
    public long BaseTotalVnd => Lines.Sum(l => l.BaseAmountVnd);

    public long WaivedVnd => Lines.Sum(l => l.ReductionVnd);

    public long TotalVnd => Lines.Sum(l => l.AmountVnd);

    /// <summary>Every rule that applied, with the amount it removed, in the order of the lines.</summary>
    public IReadOnlyList<AppliedRule> AppliedRules =>
        [.. Lines.Where(l => l.RuleBasis is not null && l.ReductionVnd > 0)
            .GroupBy(l => (l.RuleId, l.RuleName))
            .Select(g => new AppliedRule(g.Key.RuleId, g.Key.RuleName!, g.First().RuleBasis!, g.Sum(l => l.ReductionVnd)))];

    /// <summary>The distinct acts that waived or reduced something on this dossier.</summary>
    public IEnumerable<LegalBasis> AppliedBases => AppliedRules.Select(r => r.LegalBasis).Distinct();
}
