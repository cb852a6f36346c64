using Microsoft.AspNetCore.Identity;
using Portal.Domain.People;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// Every person who signs in. A citizen's profile (entered once, reused on every form) lives here;
/// staff carry their commune(s) and agency as claims.
/// </summary>
public sealed class PortalUser : IdentityUser
{
    public const int FullNameMaxLength = 100;

    public string FullName { get; set; } = string.Empty;

    public string? CitizenId { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? ResidenceCommuneCode { get; set; }

    public string? ResidenceAddress { get; set; }

    /// <summary>Where the citizen lives now, when it differs from the permanent residence.</summary>
    public string? CurrentCommuneCode { get; set; }

    public string? CurrentAddress { get; set; }

    public Sex? Sex { get; set; }

    /// <summary>Decree 13/2023: which version of the personal-data notice the person agreed to, and when.</summary>
    public string? ConsentVersion { get; set; }

    public DateTimeOffset? ConsentedAt { get; set; }

    /// <summary>Staff accounts are created by administrators; they must use two-factor sign-in outside the embedded default.</summary>
    public bool IsStaff { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

