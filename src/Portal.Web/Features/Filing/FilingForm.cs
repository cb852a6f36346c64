using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Features.Filing;

/// <summary>Everything the filing page shows: the procedure, the citizen's profile (read-only), the communes and the fee.</summary>
public sealed class FilingForm
{
    public required Procedure Procedure { get; init; }

    public required PortalUser Applicant { get; init; }

    public required IReadOnlyList<Commune> Communes { get; init; }

    public required FeeAssessment Fee { get; init; }

    public required FilingInput Input { get; init; }

    /// <summary>Results the portal issued to this citizen before, which can be attached instead of uploaded.</summary>
    public IReadOnlyList<ReusableResult> ReusableResults { get; init; } = [];
}

public sealed record ReusableResult(Guid DossierId, string Code, string ProcedureName, DateTimeOffset IssuedAt);
