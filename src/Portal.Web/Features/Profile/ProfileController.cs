using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Domain.Calendar;
using Portal.Domain.People;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;
using Portal.Web.Authorization;
using Portal.Web.Features.Registration;

namespace Portal.Web.Features.Profile;

/// <summary>The profile entered once and reused on every form ("no repeated declarations"). The citizen ID itself cannot change here.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.Citizen)]
public sealed class ProfileController(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/tai-khoan/ho-so")]
    public async Task<IActionResult> Edit() => await users.GetUserAsync(User) is { } user ? View(await FormAsync(ProfileInput.From(user))) : Challenge();

    [HttpPost("/tai-khoan/ho-so")]
    public async Task<IActionResult> Edit(ProfileInput input)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var form = await FormAsync(input);
        var validation = await new ProfileInputValidator(user.CitizenId, ReferenceDataFiles.ProvinceCodes(), form.Communes.Select(c => c.Code).ToHashSet(),
            VietnamTime.LocalDate(clock.GetUtcNow()), localizer).ValidateAsync(input);
        if (!validation.IsValid)
        {
            ModelState.ReplaceWith(validation);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        user.FullName = input.FullName!.Trim();
        user.DateOfBirth = input.ParsedDateOfBirth;
        user.Sex = input.Sex;
        user.PhoneNumber = PhoneNumber.Parse(input.PhoneNumber).Value;
        user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        user.ResidenceCommuneCode = input.ResidenceCommuneCode;
        user.ResidenceAddress = input.ResidenceAddress!.Trim();
        user.CurrentCommuneCode = string.IsNullOrWhiteSpace(input.CurrentCommuneCode) ? null : input.CurrentCommuneCode;
        user.CurrentAddress = string.IsNullOrWhiteSpace(input.CurrentAddress) ? null : input.CurrentAddress.Trim();
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = localizer["Đã lưu hồ sơ cá nhân."].Value;
        return Redirect("/tai-khoan/ho-so");
    }

    private async Task<ProfileForm> FormAsync(ProfileInput input) => new(input, await CommuneOptions.ActiveAsync(db));
}

public sealed class ProfileInput
{
    public string? CitizenId { get; set; }

    public string? FullName { get; set; }

    public string? DateOfBirth { get; set; }

    public Sex? Sex { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Email { get; set; }

    public string? ResidenceCommuneCode { get; set; }

    public string? ResidenceAddress { get; set; }

    public string? CurrentCommuneCode { get; set; }

    public string? CurrentAddress { get; set; }

    public DateOnly? ParsedDateOfBirth => new RegistrationInput { DateOfBirth = DateOfBirth }.ParsedDateOfBirth;

    public static ProfileInput From(PortalUser user) => new()
    {
        CitizenId = user.CitizenId, FullName = user.FullName, DateOfBirth = user.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Sex = user.Sex, PhoneNumber = user.PhoneNumber, Email = user.Email, ResidenceCommuneCode = user.ResidenceCommuneCode,
        ResidenceAddress = user.ResidenceAddress, CurrentCommuneCode = user.CurrentCommuneCode, CurrentAddress = user.CurrentAddress,
    };
}

public sealed record ProfileForm(ProfileInput Input, IReadOnlyList<CommuneOption> Communes);

/// <summary>The registration rules for what a profile may change; the date of birth and sex must still agree with the citizen ID.</summary>
internal sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    public ProfileInputValidator(string? citizenId, IReadOnlySet<string> provinces, IReadOnlySet<string> communes, DateOnly today, IStringLocalizer l)
    {
        RuleFor(x => x).Custom((input, context) =>
        {
            var registration = new RegistrationInput
            {
                CitizenId = citizenId, FullName = input.FullName, DateOfBirth = input.DateOfBirth, Sex = input.Sex, PhoneNumber = input.PhoneNumber,
                Email = input.Email, ResidenceCommuneCode = input.ResidenceCommuneCode, ResidenceAddress = input.ResidenceAddress, Consent = true,
            };
            foreach (var failure in new RegistrationInputValidator(provinces, communes, today, requirePassword: false, l).Validate(registration).Errors)
            {
                context.AddFailure(failure);
            }
        });
        RuleFor(x => x.CurrentCommuneCode).Must(c => string.IsNullOrEmpty(c) || communes.Contains(c)).WithMessage(l["Xã, phường đã chọn không có trong danh sách."]);
        RuleFor(x => x.CurrentAddress).MaximumLength(300).WithMessage(l["Địa chỉ tối đa 300 ký tự."])
            .Must(a => a is null || !a.Any(char.IsControl)).WithMessage(l["Địa chỉ có ký tự không hợp lệ."]);
    }
}
