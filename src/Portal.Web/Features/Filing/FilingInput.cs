namespace Portal.Web.Features.Filing;

/// <summary>What the filing form posts. Applicant identity is never posted: it comes from the signed-in profile.</summary>
public sealed class FilingInput
{
    public string? CommuneCode { get; set; }

    public Dictionary<string, string?> Fields { get; set; } = [];

    /// <summary>Issued with the form; posting the same form twice files one dossier.</summary>
    public Guid ClientRequestId { get; set; }

    /// <summary>Categories the applicant declares (meritorious family, poor household, disability) for fee exemptions.</summary>
    public List<string> ApplicantCategories { get; set; } = [];

    /// <summary>Decree 13/2023: explicit consent to process the personal data in the dossier.</summary>
    public bool Consent { get; set; }
}
