namespace Portal.Infrastructure.Identity;

public static class PortalRoles
{
    public const string Citizen = nameof(Citizen);
    public const string PoliceOfficer = nameof(PoliceOfficer);
    public const string PoliceLeader = nameof(PoliceLeader);
    public const string CommitteeOfficer = nameof(CommitteeOfficer);
    public const string CommitteeLeader = nameof(CommitteeLeader);
    public const string Supervisor = nameof(Supervisor);
    public const string Administrator = nameof(Administrator);

    public const string Officers = $"{PoliceOfficer},{PoliceLeader},{CommitteeOfficer},{CommitteeLeader}";

    public static readonly IReadOnlyList<string> Staff =
        [PoliceOfficer, PoliceLeader, CommitteeOfficer, CommitteeLeader, Supervisor, Administrator];

    public static readonly IReadOnlyList<string> CommuneStaff = [PoliceOfficer, PoliceLeader, CommitteeOfficer, CommitteeLeader];

    /// <summary>The agency claim value a commune role carries.</summary>
    public static string? AgencyOf(string role) => role switch
    {
        PoliceOfficer or PoliceLeader => "police",
        CommitteeOfficer or CommitteeLeader => "committee",
        _ => null,
    };

    public static readonly IReadOnlyList<string> All =
        [Citizen, PoliceOfficer, PoliceLeader, CommitteeOfficer, CommitteeLeader, Supervisor, Administrator];
}

public static class PortalClaimTypes
{
    /// <summary>A commune code the staff member serves (one claim per commune).</summary>
    public const string Commune = "portal:commune";

    /// <summary>The agency the staff member works for: <c>police</c> or <c>committee</c>.</summary>
    public const string Agency = "portal:agency";

    public const string FullName = "portal:full_name";

    /// <summary>Present (value "true") when the account signs in with a second factor.</summary>
    public const string TwoFactor = "portal:2fa";
}
