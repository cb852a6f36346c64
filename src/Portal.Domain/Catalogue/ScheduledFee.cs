using Portal.Domain.Fees;

namespace Portal.Domain.Catalogue;

/// <summary>Lệ phí (fee) or phí (charge) as scheduled by law, before any waiver.</summary>
public enum FeeKind
{
    Fee = 1,
    Charge = 2,
}

/// <summary>Whose act sets the amount: the central government (Ministry of Finance) or the provincial People's Council.</summary>
public enum FeeAuthority
{
    Central = 1,
    Provincial = 2,
}

/// <summary>An amount the schedule charges for one channel, with the act that sets it.</summary>
public sealed record ScheduledFee(
    FilingChannel Channel,
    FeeKind Kind,
    FeeAuthority Authority,
    long AmountVnd,
    string NameVi,
    string NameEn,
    LegalBasis LegalBasis);
