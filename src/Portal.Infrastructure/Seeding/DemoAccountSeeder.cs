using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Domain.People;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Seeding;

/// <summary>The demo accounts of the embedded default (listed in the README). Idempotent; never enabled in production.</summary>
public sealed class DemoAccountSeeder(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public const string DemoPassword = "Portal@2025";
    public const string ConsentVersion = "demo";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("038090000001", "Nguyễn Văn An", PortalRoles.Citizen, null, null,
            new DemoProfile("038090000001", new DateOnly(1990, 5, 19), Sex.Male, "14758", "Số 12 đường Nguyễn Trãi, phường Hàm Rồng", "0912345678")),
        new("038195000002", "Lê Thị Bình", PortalRoles.Citizen, null, null,
            new DemoProfile("038195000002", new DateOnly(1995, 7, 2), Sex.Female, "14797", "Số 5 phố Lê Lợi, phường Hạc Thành", "0987654321")),
        .. Staff("14797", "Hạc Thành"),
        .. Staff("14758", "Hàm Rồng"),
        new("supervisor", "Bùi Thị Mai", PortalRoles.Supervisor, null, null),
        new("admin", "Lý Văn Nam", PortalRoles.Administrator, null, null),
    ];

    public async Task SeedAsync()
    {
        await EnsureRolesAsync(roles);
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var user = new PortalUser
            {
                UserName = account.UserName,
                FullName = account.FullName,
                IsStaff = account.Role != PortalRoles.Citizen,
                CreatedAt = clock.GetUtcNow(),
            };
            if (account.Profile is { } profile)
            {
                (user.CitizenId, user.DateOfBirth, user.Sex, user.ResidenceCommuneCode, user.ResidenceAddress, user.PhoneNumber) =
                    (profile.CitizenId, profile.DateOfBirth, profile.Sex, profile.Commune, profile.Address, profile.Phone);
                (user.ConsentVersion, user.ConsentedAt) = (ConsentVersion, clock.GetUtcNow());
            }

            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, account.Role));
            if (account.Commune is not null)
            {
                Check(await users.AddClaimsAsync(user, [new Claim(PortalClaimTypes.Commune, account.Commune), new Claim(PortalClaimTypes.Agency, account.Agency!)]));
            }
        }
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    private static IEnumerable<DemoAccount> Staff(string commune, string name) =>
    [
        new($"police.{commune}", $"Cán bộ Công an {name}", PortalRoles.PoliceOfficer, commune, "police"),
        new($"police2.{commune}", $"Cán bộ Công an {name} (2)", PortalRoles.PoliceOfficer, commune, "police"),
        new($"police-lead.{commune}", $"Trưởng Công an {name}", PortalRoles.PoliceLeader, commune, "police"),
        new($"committee.{commune}", $"Cán bộ UBND {name}", PortalRoles.CommitteeOfficer, commune, "committee"),
        new($"committee2.{commune}", $"Cán bộ UBND {name} (2)", PortalRoles.CommitteeOfficer, commune, "committee"),
        new($"committee-lead.{commune}", $"Chủ tịch UBND {name}", PortalRoles.CommitteeLeader, commune, "committee"),
    ];

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding accounts failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public sealed record DemoProfile(string CitizenId, DateOnly DateOfBirth, Sex Sex, string Commune, string Address, string Phone);

    public sealed record DemoAccount(string UserName, string FullName, string Role, string? Commune, string? Agency, DemoProfile? Profile = null);
}
