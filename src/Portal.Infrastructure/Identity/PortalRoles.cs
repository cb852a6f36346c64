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
}
