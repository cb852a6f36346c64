using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Routing;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.Casework;

public sealed record StaffMember(string UserName, string FullName);

/// <summary>
/// Who works a queue: its officers, who is away today, who may sign for it (its leader, or an officer
/// the leader delegated to while away), and whom automatic assignment picks next.
/// </summary>
public sealed class StaffDirectory(PortalDbContext db, TimeProvider clock)
{
    public static string AgencyClaim(HandlingAgency agency) => agency == HandlingAgency.CommunePolice ? "police" : "committee";

    public static string OfficerRole(HandlingAgency agency) => agency == HandlingAgency.CommunePolice ? PortalRoles.PoliceOfficer : PortalRoles.CommitteeOfficer;

    public static string LeaderRole(HandlingAgency agency) => agency == HandlingAgency.CommunePolice ? PortalRoles.PoliceLeader : PortalRoles.CommitteeLeader;

    /// <summary>The officers (not leaders) serving the queue, by name.</summary>
    public async Task<IReadOnlyList<StaffMember>> OfficersOfAsync(ProcessingQueue queue, CancellationToken cancellationToken)
    {
        var commune = queue.Commune.Value;
        var agency = AgencyClaim(queue.Agency);
        var role = OfficerRole(queue.Agency);
        return await db.Users.AsNoTracking()
            .Where(u => db.UserClaims.Any(c => c.UserId == u.Id && c.ClaimType == PortalClaimTypes.Commune && c.ClaimValue == commune)
                && db.UserClaims.Any(c => c.UserId == u.Id && c.ClaimType == PortalClaimTypes.Agency && c.ClaimValue == agency)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
            .OrderBy(u => u.UserName)
            .Select(u => new StaffMember(u.UserName!, u.FullName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The queue's officers not on leave today.</summary>
    public async Task<IReadOnlyList<StaffMember>> OnDutyAsync(ProcessingQueue queue, CancellationToken cancellationToken)
    {
        var officers = await OfficersOfAsync(queue, cancellationToken);
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var names = officers.Select(o => o.UserName).ToList();
        var away = await db.StaffLeaves.AsNoTracking()
            .Where(l => names.Contains(l.UserName) && l.From <= today && l.To >= today)
            .Select(l => l.UserName)
            .ToListAsync(cancellationToken);
        return [.. officers.Where(o => !away.Contains(o.UserName))];
    }

    /// <summary>A leader of the queue's agency serving it, or an officer holding the leader's delegation today.</summary>
    public async Task<bool> SignsForAsync(ClaimsPrincipal user, ProcessingQueue queue, CancellationToken cancellationToken)
    {
        if (!user.Queues().Contains(queue))
        {
            return false;
        }

        if (user.IsInRole(LeaderRole(queue.Agency)))
        {
            return true;
        }

        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var name = user.Identity?.Name;
        return name is not null && await db.LeaderDelegations.AsNoTracking()
            .AnyAsync(d => d.DelegateUserName == name && d.QueueName == queue.Name && d.RevokedAt == null && d.From <= today && d.To >= today, cancellationToken);
    }

    /// <summary>
    /// The on-duty officer with the fewest open dossiers assigned in the queue (ties by name), counting
    /// the assignments <paramref name="pending"/> already made in this round; null when nobody is on duty.
    /// </summary>
    public async Task<string?> PickLeastLoadedAsync(ProcessingQueue queue, IDictionary<string, int>? pending, CancellationToken cancellationToken)
    {
        var onDuty = await OnDutyAsync(queue, cancellationToken);
        if (onDuty.Count == 0)
        {
            return null;
        }

        var names = onDuty.Select(o => o.UserName).ToList();
        var name = queue.Name;
        var load = await db.WorklistItems.AsNoTracking()
            .Where(w => w.QueueName == name && w.AssignedTo != null && names.Contains(w.AssignedTo))
            .GroupBy(w => w.AssignedTo!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return names
            .OrderBy(n => load.GetValueOrDefault(n) + (pending?.TryGetValue(n, out var extra) == true ? extra : 0))
            .ThenBy(n => n, StringComparer.Ordinal)
            .First();
    }
}
