using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.TwoFactor;

/// <summary>Setting up an authenticator app (TOTP, RFC 6238) with Identity's built-in authenticator token provider.</summary>
[AllowWithoutTwoFactor]
public sealed class TwoFactorController(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string Issuer = "Cong DVC Thanh Hoa";

    [HttpGet("/tai-khoan/xac-thuc-hai-buoc")]
    public async Task<IActionResult> Setup() => await users.GetUserAsync(User) is { } user ? View(await FormAsync(user)) : Challenge();

    [HttpPost("/tai-khoan/xac-thuc-hai-buoc")]
    public async Task<IActionResult> Setup(string? code)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Setup));
        }

        var digits = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            await signIn.RefreshSignInAsync(user);
            TempData["Message"] = localizer["Đã bật xác thực hai bước."].Value;
            return LocalRedirect("/");
        }

        ModelState.AddModelError("code", localizer["Mã xác thực không đúng."]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(await FormAsync(user));
    }

    private async Task<TwoFactorSetup> FormAsync(PortalUser user)
    {
        if (user.TwoFactorEnabled)
        {
            // Never show the secret again: whoever sits at an open session must not be able to copy it.
            return new TwoFactorSetup(null, null, AlreadyEnabled: true);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        return new TwoFactorSetup(key!, QrCodes.DataUri(uri), user.TwoFactorEnabled);
    }
}

public sealed record TwoFactorSetup(string? Key, string? QrCodeDataUri, bool AlreadyEnabled);
