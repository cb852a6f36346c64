namespace Portal.Web.Features.Filing;

/// <summary>What the filing form posts. Applicant identity is never posted: it comes from the signed-in profile.</summary>
public sealed record FilingInput
{
    public string? CommuneCode { get; set; }

    public Dictionary<string, string?> Fields { get; set; } = [];

    /// <summary>Issued with the form; posting the same form twice files one dossier.</summary>
    public Guid ClientRequestId { get; set; }

    /// <summary>Categories the applicant declares (meritorious family, poor household, disability) for fee exemptions.</summary>
    public List<string> ApplicantCategories { get; set; } = [];

    /// <summary>Earlier dossiers whose electronic result is attached by reference.</summary>
    public List<Guid> ReusedResults { get; set; } = [];

    /// <summary>Copy the changed profile fields (address, name, date of birth) back to the profile; off unless the citizen asks.</summary>
    public bool UpdateProfile { get; set; }

    /// <summary>The saved draft this form was resumed from; it is deleted once the dossier is filed.</summary>
    public Guid? DraftId { get; set; }

    /// <summary>Decree 13/2023: explicit consent to process the personal data in the dossier.</summary>
    public bool Consent { get; set; }
}
