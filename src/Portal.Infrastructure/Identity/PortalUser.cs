using Microsoft.AspNetCore.Identity;

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
}
