using Portal.Domain.Catalogue;

namespace Portal.Domain.Fees;

/// <summary>What a rule covers. An empty list means "any".</summary>
public sealed record FeeRuleScope(
    IReadOnlyList<FilingChannel> Channels,
    IReadOnlyList<string> ProcedureCodes,
    IReadOnlyList<string> FieldCodes,
    IReadOnlyList<FeeAuthority> Authorities)
{
    public bool Covers(Procedure procedure, ScheduledFee fee) =>
        Matches(Channels, fee.Channel)
        && Matches(ProcedureCodes, procedure.Code)
        && Matches(FieldCodes, procedure.FieldCode)
        && Matches(Authorities, fee.Authority);

    private static bool Matches<T>(IReadOnlyList<T> allowed, T value) => allowed.Count == 0 || allowed.Contains(value);
}
