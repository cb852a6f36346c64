namespace Portal.Web.Features.Account;

/// <summary>The <c>Accounts</c> configuration section.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Staff must set up and use an authenticator app (TOTP). Off only in the embedded default.</summary>
    public bool RequireStaffTwoFactor { get; set; } = true;

    /// <summary>The version of the personal-data notice citizens agree to (Decree 13/2023); stored with each consent.</summary>
    public string PrivacyNoticeVersion { get; set; } = "2025-07-01";
}
