using Portal.Domain.Catalogue;

namespace Portal.Domain.Fees;

/// <summary>What a rule covers. An empty list means "any"; <see cref="ApplicantCategories"/> means "the applicant belongs to one of them".</summary>
public sealed record FeeRuleScope(
    IReadOnlyList<FilingChannel> Channels,
    IReadOnlyList<string> ProcedureCodes,
    IReadOnlyList<string> FieldCodes,
    IReadOnlyList<FeeAuthority> Authorities,
    IReadOnlyList<FeeKind>? FeeKinds = null,
    IReadOnlyList<string>? Provinces = null,
    IReadOnlyList<string>? ApplicantCategories = null,
    EventTiming Timing = EventTiming.Any)
{
    public bool Covers(Procedure procedure, ScheduledFee fee, FeeContext context) =>
        Matches(Channels, fee.Channel)
        && Matches(ProcedureCodes, procedure.Code)
        && Matches(FieldCodes, procedure.FieldCode)
        && Matches(Authorities, fee.Authority)
        && Matches(FeeKinds ?? [], fee.Kind)
        && Matches(Provinces ?? [], context.ProvinceCode)
        && (ApplicantCategories is not { Count: > 0 } categories || categories.Any(context.ApplicantCategories.Contains))
        && (Timing == EventTiming.Any || context.TimingOf(procedure) == Timing);

    /// <summary>A scope that names nothing would silently cover every fee of every procedure.</summary>
    public bool IsEmpty =>
        Channels.Count == 0 && ProcedureCodes.Count == 0 && FieldCodes.Count == 0 && Authorities.Count == 0
        && (FeeKinds?.Count ?? 0) == 0 && (Provinces?.Count ?? 0) == 0 && (ApplicantCategories?.Count ?? 0) == 0 && Timing == EventTiming.Any;

    private static bool Matches<T>(IReadOnlyList<T> allowed, T value) => allowed.Count == 0 || allowed.Contains(value);
}
