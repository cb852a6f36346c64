namespace Portal.Domain.Fees;

/// <summary>The legal act behind a fee or a rule, e.g. Resolution 12/2025/NQ-HĐND of 24/06/2025.</summary>
public sealed record LegalBasis(string DocumentNumber, DateOnly IssuedOn, string TitleVi, string TitleEn, string? Article = null)
{
    public const int DocumentNumberMaxLength = 64;
}
