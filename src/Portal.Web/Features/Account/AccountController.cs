using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Identity;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Account;

[AllowAnonymous]
public sealed class AccountController(SignInManager<PortalUser> signIn, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/dang-nhap")]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost("/dang-nhap")]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (string.IsNullOrWhiteSpace(input.UserName) || string.IsNullOrEmpty(input.Password)
            || input.UserName.Length > LoginInput.MaxLength || input.Password.Length > LoginInput.MaxLength)
        {
            return Invalid(input, localizer["Vui lòng nhập tên đăng nhập (số định danh cá nhân) và mật khẩu."]);
        }

        var result = await signIn.PasswordSignInAsync(input.UserName.Trim(), input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Invalid(input, localizer["Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."]);
        }

        if (!result.Succeeded)
        {
            return Invalid(input, localizer["Tên đăng nhập hoặc mật khẩu không đúng."]);
        }

        return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : "/");
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
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    private ViewResult Invalid(LoginInput input, string message)
    {
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        input.Password = null;
        return View("Login", input);
    }
}

public sealed class LoginInput
{
    public const int MaxLength = 128;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
