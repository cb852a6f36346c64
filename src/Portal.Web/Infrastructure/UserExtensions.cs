using System.Security.Claims;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Routing;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Infrastructure;

/// <summary>Reads a signed-in user (cookie) or a token's subject (API) the same way.</summary>
public static class UserExtensions
{
    public static string? UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject);

    public static bool IsStaff(this ClaimsPrincipal user) =>
        PortalRoles.Staff.Any(user.IsInRole);

    /// <summary>The processing queues a staff member may work: each commune claim × the agency claim.</summary>
    public static IReadOnlyList<ProcessingQueue> Queues(this ClaimsPrincipal user)
    {
        HandlingAgency? agency = user.FindFirstValue(PortalClaimTypes.Agency) switch
        {
            "police" => HandlingAgency.CommunePolice,
            "committee" => HandlingAgency.CommuneCommittee,
            _ => null,
        };
        if (agency is null || !PortalRoles.Officers.Split(',').Any(user.IsInRole))
        {
            return [];
        }

        return [.. user.FindAll(PortalClaimTypes.Commune)
            .Where(c => CommuneCode.IsValid(c.Value))
            .Select(c => new ProcessingQueue(CommuneCode.Parse(c.Value), agency.Value))
            .Distinct()];
    }

    public static bool Serves(this ClaimsPrincipal user, CommuneCode commune, HandlingAgency agency) =>
        user.Queues().Contains(new ProcessingQueue(commune, agency));
}
