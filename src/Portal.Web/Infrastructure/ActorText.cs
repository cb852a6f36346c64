using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Infrastructure;

/// <summary>Who acted, as the citizen may see it: a role and a unit, never a staff member's name.</summary>
public static class ActorText
{
    public static string For(string? role, string? commune, IStringLocalizer l)
    {
        var who = role switch
        {
            PortalRoles.PoliceOfficer => l["Cán bộ Công an"],
            PortalRoles.PoliceLeader => l["Lãnh đạo Công an"],
            PortalRoles.CommitteeOfficer => l["Cán bộ UBND"],
            PortalRoles.CommitteeLeader => l["Lãnh đạo UBND"],
            PortalRoles.Supervisor => l["Giám sát cấp tỉnh"],
            null => l["Công dân"],
            _ => l["Hệ thống"],
        };
        return commune is null ? who : $"{who} ({commune})";
    }
}
