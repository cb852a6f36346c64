namespace Portal.Domain.Documents;

/// <summary>
/// The electronic result issued for a dossier: what was decided, when, by whom, and a verification code
/// anyone can check on the portal (printed with a QR code on the document).
/// </summary>
public sealed class DossierResult
{
    public const int VerificationCodeLength = 12;
    public const int SummaryMaxLength = 1000;

    private DossierResult()
    {
        VerificationCode = Summary = IssuedBy = string.Empty;
    }

    public DossierResult(Guid dossierId, string verificationCode, string summary, string issuedBy, DateTimeOffset issuedAt)
    {
        DossierId = dossierId;
        VerificationCode = verificationCode;
        Summary = summary;
        IssuedBy = issuedBy;
        IssuedAt = issuedAt;
    }

    public Guid DossierId { get; private set; }

    public string VerificationCode { get; private set; }

    public string Summary { get; private set; }

    public string IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }
}
