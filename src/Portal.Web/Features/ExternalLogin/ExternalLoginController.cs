using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Domain.Calendar;
using Portal.Domain.People;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;
using Portal.Web.Features.Account;
using Portal.Web.Features.Registration;

namespace Portal.Web.Features.ExternalLogin;

/// <summary>
/// Sign-in with a national e-ID (an external OpenID Connect provider). The provider vouches for the
/// citizen ID: an existing citizen account with that ID is linked; otherwise the citizen completes a
/// short registration (profile and consent) without a password.
/// </summary>
[AllowAnonymous]
public sealed class ExternalLoginController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    IConfiguration configuration,
    PortalDbContext db,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<AccountOptions> options,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpPost("/dang-nhap/ngoai/{scheme}")]
    public IActionResult Challenge(string scheme, string? returnUrl)
    {
        if (!ExternalProviders.Read(configuration).Any(p => p.Scheme == scheme))
        {
            return NotFound();
        }

        var callback = "/dang-nhap/ngoai/ket-qua" + QueryString.Create("returnUrl", Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(scheme, callback), scheme);
    }

    [HttpGet("/dang-nhap/ngoai/ket-qua")]
    public async Task<IActionResult> Callback(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return RedirectToAction("Login", "Account");
        }

        var target = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded)
        {
            return LocalRedirect(target);
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            return RedirectToAction("AccessDenied", "Account");
        }

        var citizenId = CitizenIdOf(info);
        if (citizenId is null)
        {
            TempData["Message"] = localizer["Nhà cung cấp định danh không cung cấp số định danh cá nhân hợp lệ."].Value;
            return RedirectToAction("Login", "Account");
        }

        if (await users.FindByNameAsync(citizenId) is { } existing)
        {
            if (existing.IsStaff || !await users.IsInRoleAsync(existing, PortalRoles.Citizen))
            {
                return RedirectToAction("AccessDenied", "Account");
            }

            // The account exists already (typed in by someone at registration): its owner proves it once with
            // the account's password before the e-ID is linked, so an unproven registration cannot capture it.
            return View("Link", new LinkInput { CitizenId = citizenId, ReturnUrl = target });
        }

        var input = new RegistrationInput { CitizenId = citizenId, FullName = info.Principal.FindFirstValue("name") };
        return View("~/Features/Registration/Register.cshtml", await FormAsync(input));
    }

    [HttpPost("/dang-nhap/ngoai/lien-ket")]
    public async Task<IActionResult> Link(LinkInput input)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || CitizenIdOf(info) is not { } citizenId || await users.FindByNameAsync(citizenId) is not { IsStaff: false } existing)
        {
            return RedirectToAction("Login", "Account");
        }

        var check = await signIn.CheckPasswordSignInAsync(existing, input.Password ?? string.Empty, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError(nameof(input.Password), check.IsLockedOut
                ? localizer["Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."]
                : localizer["Mật khẩu không đúng."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Link", new LinkInput { CitizenId = citizenId, ReturnUrl = input.ReturnUrl });
        }

        await users.AddLoginAsync(existing, info);
        await signIn.SignInAsync(existing, isPersistent: false, info.LoginProvider);
        return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : "/");
    }

    [HttpPost("/dang-nhap/ngoai/dang-ky")]
    public async Task<IActionResult> Register(RegistrationInput input)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || CitizenIdOf(info) is not { } citizenId)
        {
            return RedirectToAction("Login", "Account");
        }

        input.CitizenId = citizenId; // vouched for by the provider, never taken from the form
        var form = await FormAsync(input);
        var validator = new RegistrationInputValidator(
            ReferenceDataFiles.ProvinceCodes(), form.Communes.Select(c => c.Code).ToHashSet(), VietnamTime.LocalDate(clock.GetUtcNow()), requirePassword: false, localizer);
        var validation = await validator.ValidateAsync(input);
        if (validation.IsValid)
        {
            var user = input.ToCitizen(options.Value.PrivacyNoticeVersion, clock.GetUtcNow());
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, PortalRoles.Citizen);
                await users.AddLoginAsync(user, info);
                await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
                return LocalRedirect("/");
            }

            validation.Errors.AddRange(created.Errors.Select(e => new FluentValidation.Results.ValidationFailure(nameof(input.CitizenId), e.Description)));
        }

        ModelState.ReplaceWith(validation);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("~/Features/Registration/Register.cshtml", form);
    }

    private string? CitizenIdOf(ExternalLoginInfo info)
    {
        var claim = ExternalProviders.Read(configuration).FirstOrDefault(p => p.Scheme == info.LoginProvider)?.CitizenIdClaim;
        var value = claim is null ? null : info.Principal.FindFirstValue(claim);
        return CitizenId.IsValid(value) ? value : null;
    }

    private async Task<RegistrationForm> FormAsync(RegistrationInput input) => new(
        input,
        await CommuneOptions.ActiveAsync(db),
        "/dang-nhap/ngoai/dang-ky",
        AskPassword: false);
}

public sealed class LinkInput
{
    public string? CitizenId { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
