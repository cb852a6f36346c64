using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;


namespace Portal.Web.Features.Staff;

/// <summary>Administrators create staff accounts and assign the communes they serve.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class StaffController(UserManager<PortalUser> users, PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/quan-tri/can-bo")]
    public async Task<IActionResult> Index()
    {
        var staff = await users.Users.Where(u => u.IsStaff).OrderBy(u => u.UserName).ToListAsync();
        var rows = new List<StaffRow>();
        foreach (var user in staff)
        {
            var claims = await users.GetClaimsAsync(user);
            rows.Add(new StaffRow(user.Id, user.UserName!, user.FullName, string.Join(", ", await users.GetRolesAsync(user)),
                [.. claims.Where(c => c.Type == PortalClaimTypes.Commune).Select(c => c.Value)], user.TwoFactorEnabled, user.LockoutEnd > clock.GetUtcNow()));
        }

        return View(rows);
    }

    [HttpGet("/quan-tri/can-bo/moi")]
    public async Task<IActionResult> Create() => View(await FormAsync(new StaffInput()));

    [HttpPost("/quan-tri/can-bo/moi")]
    public async Task<IActionResult> Create(StaffInput input)
    {
        var form = await FormAsync(input);
        var communes = input.Communes.Where(c => form.Communes.Any(o => o.Code == c)).Distinct().ToList();
        var agency = input.Role is null ? null : PortalRoles.AgencyOf(input.Role);
        if (string.IsNullOrWhiteSpace(input.UserName) || input.UserName.Length > 64 || !input.UserName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            ModelState.AddModelError(nameof(input.UserName), localizer["Tên đăng nhập chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang (tối đa 64 ký tự)."]);
        }

        if (string.IsNullOrWhiteSpace(input.FullName) || input.FullName.Length > PortalUser.FullNameMaxLength)
        {
            ModelState.AddModelError(nameof(input.FullName), localizer["Vui lòng nhập họ và tên."]);
        }

        if (input.Role is null || !PortalRoles.Staff.Contains(input.Role))
        {
            ModelState.AddModelError(nameof(input.Role), localizer["Vui lòng chọn vai trò."]);
        }
        else if (agency is not null && communes.Count == 0)
        {
            ModelState.AddModelError(nameof(input.Communes), localizer["Cán bộ xã, phường phải được giao ít nhất một xã, phường."]);
        }

        if (ModelState.ErrorCount == 0)
        {
            var password = TemporaryPassword();
            var user = new PortalUser { UserName = input.UserName!.Trim(), FullName = input.FullName!.Trim(), IsStaff = true, CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, input.Role!);
                if (agency is not null)
                {
                    await users.AddClaimsAsync(user, [.. communes.Select(c => new Claim(PortalClaimTypes.Commune, c)), new Claim(PortalClaimTypes.Agency, agency)]);
                }

                return View("Created", new CreatedStaff(user.UserName, password));
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(nameof(input.UserName), error.Description);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpGet("/quan-tri/can-bo/{id}/xa-phuong")]
    public async Task<IActionResult> Communes(string id)
    {
        if (await users.FindByIdAsync(id) is not { IsStaff: true } user)
        {
            return NotFound();
        }

        var current = (await users.GetClaimsAsync(user)).Where(c => c.Type == PortalClaimTypes.Commune).Select(c => c.Value).ToList();
        return View(await FormAsync(new StaffInput { UserName = user.UserName, FullName = user.FullName, Communes = current }));
    }

    [HttpPost("/quan-tri/can-bo/{id}/xa-phuong")]
    public async Task<IActionResult> Communes(string id, StaffInput input)
    {
        if (await users.FindByIdAsync(id) is not { IsStaff: true } user)
        {
            return NotFound();
        }

        var form = await FormAsync(input);
        var chosen = input.Communes.Where(c => form.Communes.Any(o => o.Code == c)).Distinct().ToList();
        var roles = await users.GetRolesAsync(user);
        if (roles.Any(r => PortalRoles.AgencyOf(r) is not null) && chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(input.Communes), localizer["Cán bộ xã, phường phải được giao ít nhất một xã, phường."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form with { Input = new StaffInput { UserName = user.UserName, FullName = user.FullName, Communes = input.Communes } });
        }

        var existing = (await users.GetClaimsAsync(user)).Where(c => c.Type == PortalClaimTypes.Commune).ToList();
        await users.RemoveClaimsAsync(user, existing);
        await users.AddClaimsAsync(user, chosen.Select(c => new Claim(PortalClaimTypes.Commune, c)));
        await users.UpdateSecurityStampAsync(user); // a signed-in staff member is signed out within a minute and signs in again with the new communes
        TempData["Message"] = localizer["Đã cập nhật xã, phường phục vụ."].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>A one-time password shown once to the administrator; it meets the password policy.</summary>
    public static string TemporaryPassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 4) + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz", 4)
        + RandomNumberGenerator.GetString("23456789", 4) + "@" + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 4);

    private async Task<StaffForm> FormAsync(StaffInput input) => new(
        input,
        await CommuneOptions.ActiveAsync(db));
}

public sealed class StaffInput
{
    public string? UserName { get; set; }

    public string? FullName { get; set; }

    public string? Role { get; set; }

    public List<string> Communes { get; set; } = [];
}

public sealed record StaffForm(StaffInput Input, IReadOnlyList<CommuneOption> Communes);

public sealed record StaffRow(string Id, string UserName, string FullName, string Roles, IReadOnlyList<string> Communes, bool TwoFactor, bool LockedOut);

public sealed record CreatedStaff(string UserName, string Password);
