using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Fees;

namespace Portal.Domain.Dossiers;

/// <summary>Everything a dossier is filed with; the fee assessment has already been computed for the filing day.</summary>
public sealed record FilingDetails(
    Guid DossierId,
    DossierCode Code,
    string LookupSecret,
    Procedure Procedure,
    CommuneCode ReceivingCommune,
    FilingChannel Channel,
    Applicant Applicant,
    IReadOnlyDictionary<string, string> FormData,
    FeeAssessment Fee,
    Guid? ClientRequestId);
