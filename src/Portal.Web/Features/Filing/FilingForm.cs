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
}
