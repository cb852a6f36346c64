using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Seeding;

/// <summary>The demo accounts of the embedded default (listed in the README). Idempotent; never enabled in production.</summary>
public sealed class DemoAccountSeeder(UserManager<PortalUser> users, RoleManager<IdentityRole> roles)
{
    public const string DemoPassword = "Demo@12345";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("038095001234", "Nguyễn Văn An", PortalRoles.Citizen, null, null, "038095001234", new DateOnly(1995, 3, 12), "14758", "Số 12 đường Nguyễn Trãi, phường Hàm Rồng"),
        new("038198004321", "Lê Thị Bình", PortalRoles.Citizen, null, null, "038198004321", new DateOnly(1998, 7, 2), "14797", "Số 5 phố Lê Lợi, phường Hạc Thành"),
        new("police.hamrong", "Trần Văn Cường", PortalRoles.PoliceOfficer, "14758", "police"),
        new("leader.police.hamrong", "Phạm Minh Đức", PortalRoles.PoliceLeader, "14758", "police"),
        new("ubnd.hamrong", "Hoàng Thị Em", PortalRoles.CommitteeOfficer, "14758", "committee"),
        new("leader.ubnd.hamrong", "Vũ Văn Giang", PortalRoles.CommitteeLeader, "14758", "committee"),
        new("police.hacthanh", "Đỗ Văn Hùng", PortalRoles.PoliceOfficer, "14797", "police"),
        new("ubnd.hacthanh", "Ngô Thị Lan", PortalRoles.CommitteeOfficer, "14797", "committee"),
        new("giamsat", "Bùi Thị Mai", PortalRoles.Supervisor, null, null),
        new("quantri", "Lý Văn Nam", PortalRoles.Administrator, null, null),
    ];

    public async Task SeedAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

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
                CitizenId = account.CitizenId,
                DateOfBirth = account.DateOfBirth,
                ResidenceCommuneCode = account.ResidenceCommune,
                ResidenceAddress = account.ResidenceAddress,
                PhoneNumber = account.CitizenId is null ? null : "0912345678",
            };
            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, account.Role));
            if (account.Commune is not null)
            {
                Check(await users.AddClaimsAsync(user, [new Claim(PortalClaimTypes.Commune, account.Commune), new Claim(PortalClaimTypes.Agency, account.Agency!)]));
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding demo accounts failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public sealed record DemoAccount(
        string UserName, string FullName, string Role, string? Commune, string? Agency,
        string? CitizenId = null, DateOnly? DateOfBirth = null, string? ResidenceCommune = null, string? ResidenceAddress = null);
}
