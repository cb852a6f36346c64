using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Features.Account;

[AllowAnonymous]
[AllowWithoutTwoFactor]
public sealed class AccountController(
    SignInManager<PortalUser> signIn,
    IAuthenticationSchemeProvider schemes,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/dang-nhap")]
    public async Task<IActionResult> Login(string? returnUrl) => View(await FormAsync(new LoginInput { ReturnUrl = returnUrl }));

    [HttpPost("/dang-nhap")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (string.IsNullOrWhiteSpace(input.UserName) || string.IsNullOrEmpty(input.Password)
            || input.UserName.Length > LoginInput.MaxLength || input.Password.Length > LoginInput.MaxLength)
        {
            return await InvalidAsync(input, localizer["Vui lòng nhập tên đăng nhập (số định danh cá nhân) và mật khẩu."]);
        }

        var result = await signIn.PasswordSignInAsync(input.UserName.Trim(), input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = input.ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            return await InvalidAsync(input, localizer["Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."]);
        }

        return result.Succeeded
            ? LocalRedirect(SafeReturnUrl(input.ReturnUrl))
            : await InvalidAsync(input, localizer["Tên đăng nhập hoặc mật khẩu không đúng."]);
    }

    [HttpGet("/dang-nhap/xac-thuc")]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToAction(nameof(Login)) : View(new TwoFactorInput { ReturnUrl = returnUrl });

    [HttpPost("/dang-nhap/xac-thuc")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorInput input)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login));
        }

        var code = (input.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = code.Length is 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? localizer["Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."]
            : localizer["Mã xác thực không đúng."]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(input);
    }

    [HttpPost("/dang-xuat")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("/khong-co-quyen")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [HttpPost("/ngon-ngu")]
    public IActionResult Culture(string? culture, string? returnUrl)
    {
        var chosen = WebRegistration.SupportedCultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "vi-VN";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    private async Task<LoginInput> FormAsync(LoginInput input)
    {
        var configured = ExternalProviders.Read(configuration).Select(p => p.Scheme).ToHashSet();
        input.ExternalProviders = [.. (await schemes.GetAllSchemesAsync()).Where(s => configured.Contains(s.Name)).Select(s => (s.Name, s.DisplayName ?? s.Name))];
        return input;
    }

    private async Task<ViewResult> InvalidAsync(LoginInput input, string message)
    {
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        input.Password = null;
        return View("Login", await FormAsync(input));
    }
}

public sealed class LoginInput
{
    public const int MaxLength = 128;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }

    public IReadOnlyList<(string Scheme, string DisplayName)> ExternalProviders { get; set; } = [];
}

public sealed class TwoFactorInput
{
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}
