using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;

namespace Portal.Web.Features.Registration;

/// <summary>A citizen's self-registration: the profile entered once and reused on every form.</summary>
public sealed class RegistrationInput
{
    public string? CitizenId { get; set; }

    public string? FullName { get; set; }

    public string? DateOfBirth { get; set; }

    public Sex? Sex { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Email { get; set; }

    public string? ResidenceCommuneCode { get; set; }

    public string? ResidenceAddress { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }

    public bool Consent { get; set; }

    /// <summary>The citizen's account, with the consent (notice version and time) recorded.</summary>
    public Portal.Infrastructure.Identity.PortalUser ToCitizen(string consentVersion, DateTimeOffset now) => new()
    {
        UserName = CitizenId!.Trim(),
        CitizenId = CitizenId.Trim(),
        FullName = FullName!.Trim(),
        DateOfBirth = ParsedDateOfBirth,
        Sex = Sex,
        PhoneNumber = Portal.Domain.People.PhoneNumber.Parse(PhoneNumber).Value,
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
        ResidenceCommuneCode = ResidenceCommuneCode,
        ResidenceAddress = ResidenceAddress!.Trim(),
        ConsentVersion = consentVersion,
        ConsentedAt = now,
        CreatedAt = now,
    };

    public DateOnly? ParsedDateOfBirth =>
        DateOnly.TryParseExact(DateOfBirth?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>
/// Checks the shape of a registration and that the citizen ID agrees with the date of birth and sex
/// (digit 4: century and sex; digits 5-6: birth year; digits 1-3: a province code).
/// </summary>
internal sealed class RegistrationInputValidator : AbstractValidator<RegistrationInput>
{
    public RegistrationInputValidator(IReadOnlySet<string> provinceCodes, IReadOnlySet<string> communes, DateOnly today, bool requirePassword, IStringLocalizer l)
    {
        RuleFor(x => x.CitizenId).Must(Portal.Domain.People.CitizenId.IsValid).WithMessage(l["Số định danh cá nhân gồm 12 chữ số."]);
        RuleFor(x => x.FullName).NotEmpty().WithMessage(l["Vui lòng nhập họ và tên."])
            .MaximumLength(Portal.Infrastructure.Identity.PortalUser.FullNameMaxLength).WithMessage(l["Họ và tên tối đa 100 ký tự."])
            .Must(NoControlCharacters).WithMessage(l["Họ và tên có ký tự không hợp lệ."]);
        RuleFor(x => x.ParsedDateOfBirth).NotNull().WithMessage(l["Ngày sinh không hợp lệ (dd/MM/yyyy)."])
            .Must(d => d is null || (d.Value.Year >= 1900 && d.Value <= today)).WithMessage(l["Ngày sinh không hợp lệ (dd/MM/yyyy)."])
            .OverridePropertyName(nameof(RegistrationInput.DateOfBirth));
        RuleFor(x => x.Sex).NotNull().WithMessage(l["Vui lòng chọn giới tính."]).IsInEnum().WithMessage(l["Vui lòng chọn giới tính."]);
        RuleFor(x => x.PhoneNumber).Must(PhoneNumber.IsValid).WithMessage(l["Số điện thoại di động không hợp lệ."]);
        RuleFor(x => x.Email).MaximumLength(256).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage(l["Địa chỉ thư điện tử không hợp lệ."]);
        RuleFor(x => x.ResidenceCommuneCode).Must(c => c is not null && communes.Contains(c)).WithMessage(l["Vui lòng chọn xã, phường nơi thường trú."]);
        RuleFor(x => x.ResidenceAddress).NotEmpty().WithMessage(l["Vui lòng nhập địa chỉ thường trú."])
            .MaximumLength(300).WithMessage(l["Địa chỉ tối đa 300 ký tự."]).Must(NoControlCharacters).WithMessage(l["Địa chỉ có ký tự không hợp lệ."]);
        RuleFor(x => x.Consent).Equal(true).WithMessage(l["Vui lòng đồng ý với thông báo xử lý dữ liệu cá nhân."]);
        if (requirePassword)
        {
            RuleFor(x => x.Password).NotEmpty().WithMessage(l["Vui lòng nhập mật khẩu."]).MaximumLength(128).WithMessage(l["Mật khẩu tối đa 128 ký tự."]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(l["Mật khẩu nhập lại không khớp."]);
        }

        RuleFor(x => x).Custom((input, context) =>
        {
            if (!Portal.Domain.People.CitizenId.IsValid(input.CitizenId) || input.ParsedDateOfBirth is not { } born || input.Sex is not { } sex)
            {
                return;
            }

            foreach (var problem in CitizenIdConsistency.Problems(Portal.Domain.People.CitizenId.Parse(input.CitizenId), born, sex, provinceCodes))
            {
                context.AddFailure(nameof(RegistrationInput.CitizenId), l[problem switch
                {
                    "citizen-id.province" => "Ba chữ số đầu của số định danh không phải mã tỉnh, thành phố.",
                    "citizen-id.century" => "Chữ số thứ tư của số định danh không khớp với thế kỷ của năm sinh.",
                    "citizen-id.sex" => "Chữ số thứ tư của số định danh không khớp với giới tính.",
                    _ => "Chữ số thứ năm và sáu của số định danh không khớp với năm sinh.",
                }]);
            }
        });
    }

    private static bool NoControlCharacters(string? value) => value is null || !value.Any(char.IsControl);
}
