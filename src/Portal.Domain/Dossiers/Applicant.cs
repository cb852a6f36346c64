using Portal.Domain.People;

namespace Portal.Domain.Dossiers;

/// <summary>
/// Who filed the dossier, copied from the citizen's profile (never re-typed). A walk-in citizen without
/// a portal account has no <see cref="UserId"/>.
/// </summary>
public sealed record Applicant(string? UserId, CitizenId CitizenId, string FullName)
{
    public const int UserIdMaxLength = 64;
    public const int FullNameMaxLength = 100;
}
