using Portal.Domain.Catalogue;

namespace Portal.Domain.Fees;

/// <summary>One scheduled amount and what the most favourable rule in force took off it.</summary>
public sealed record FeeAssessmentLine(
    string NameVi,
    string NameEn,
    FeeKind Kind,
    FeeAuthority Authority,
    long BaseAmountVnd,
    LegalBasis FeeBasis,
    long ReductionVnd,
    string? RuleName,
    LegalBasis? RuleBasis)
{
    public long AmountVnd => BaseAmountVnd - ReductionVnd;
}

/// <summary>The fees of one dossier, computed once at filing and frozen on it with the legal basis of every line.</summary>
public sealed record FeeAssessment(FilingChannel Channel, DateOnly AssessedOn, IReadOnlyList<FeeAssessmentLine> Lines)
{
    public long BaseTotalVnd => Lines.Sum(l => l.BaseAmountVnd);

    public long WaivedVnd => Lines.Sum(l => l.ReductionVnd);

    public long TotalVnd => Lines.Sum(l => l.AmountVnd);

    /// <summary>The distinct acts that waived or reduced something on this dossier.</summary>
    public IEnumerable<LegalBasis> AppliedBases => Lines.Where(l => l.RuleBasis is not null).Select(l => l.RuleBasis!).Distinct();
}
