using System.Security.Claims;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Routing;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Infrastructure;

public static class UserExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The processing queues a staff member may work: each commune claim × the agency claim.</summary>
    public static IReadOnlyList<ProcessingQueue> Queues(this ClaimsPrincipal user)
    {
        HandlingAgency? agency = user.FindFirstValue(PortalClaimTypes.Agency) switch
        {
            "police" => HandlingAgency.CommunePolice,
            "committee" => HandlingAgency.CommuneCommittee,
            _ => null,
        };
        if (agency is null)
        {
            return [];
        }

        return [.. user.FindAll(PortalClaimTypes.Commune)
            .Where(c => CommuneCode.IsValid(c.Value))
            .Select(c => new ProcessingQueue(CommuneCode.Parse(c.Value), agency.Value))];
    }
}
