using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Domain.Calendar;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Account;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;


namespace Portal.Web.Features.Registration;

/// <summary>A citizen registers once with their citizen ID and consents to the processing of their data (Decree 13/2023).</summary>
[AllowAnonymous]
public sealed class RegistrationController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    PortalDbContext db,
    TimeProvider clock,
    IOptions<AccountOptions> options,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/dang-ky")]
    public async Task<IActionResult> Register() => View(await FormAsync(new RegistrationInput()));

    [HttpPost("/dang-ky")]
    [EnableRateLimiting(RateLimits.Registration)]
    public async Task<IActionResult> Register(RegistrationInput input)
    {
        var form = await FormAsync(input);
        var validator = new RegistrationInputValidator(
            ReferenceDataFiles.ProvinceCodes(), form.Communes.Select(c => c.Code).ToHashSet(), VietnamTime.LocalDate(clock.GetUtcNow()), requirePassword: true, localizer);
        var validation = await validator.ValidateAsync(input);
        ModelState.ReplaceWith(validation);

        if (validation.IsValid)
        {
            var user = input.ToCitizen(options.Value.PrivacyNoticeVersion, clock.GetUtcNow());
            var created = await users.CreateAsync(user, input.Password!);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, PortalRoles.Citizen);
                await signIn.SignInAsync(user, isPersistent: false);
                return LocalRedirect("/");
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(input.Password) : nameof(input.CitizenId), error.Description);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        input.Password = input.ConfirmPassword = null;
        return View(form);
    }

    [HttpGet("/thong-bao-du-lieu-ca-nhan")]
    public IActionResult Privacy() => View("Privacy", options.Value.PrivacyNoticeVersion);

    private async Task<RegistrationForm> FormAsync(RegistrationInput input) => new(
        input,
        await CommuneOptions.ActiveAsync(db));
}

public sealed record RegistrationForm(RegistrationInput Input, IReadOnlyList<CommuneOption> Communes, string Action = "/dang-ky", bool AskPassword = true);
