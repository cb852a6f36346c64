using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Portal.Domain.Catalogue;
using Portal.Domain.People;

namespace Portal.Web.Features.Filing;

/// <summary>Input-shape validation of a filing, built from the procedure's field definitions (the same data that draws the form).</summary>
internal sealed class FilingInputValidator : AbstractValidator<FilingInput>
{
    public static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    public FilingInputValidator(Procedure procedure, IReadOnlySet<string> activeCommunes, string? residenceCommune, IStringLocalizer localizer)
    {
        var l = localizer;
        RuleFor(x => x.CommuneCode)
            .NotEmpty().WithMessage(l["Vui lòng chọn xã, phường tiếp nhận hồ sơ."])
            .Must(c => c is not null && activeCommunes.Contains(c)).WithMessage(l["Xã, phường đã chọn không có trong danh sách."]);
        if (procedure.TiedToResidence)
        {
            RuleFor(x => x.CommuneCode)
                .Must(c => c == residenceCommune)
                .When(x => x.CommuneCode is not null && activeCommunes.Contains(x.CommuneCode))
                .WithMessage(l["Thủ tục này do xã, phường nơi cư trú của bạn giải quyết."]);
        }

        RuleForEach(x => x.ApplicantCategories)
            .Must(c => Portal.Domain.Fees.ApplicantCategories.All.Contains(c)).WithMessage(l["Nhóm đối tượng không hợp lệ."]);
        RuleFor(x => x.ApplicantCategories).Must(c => c.Count <= Portal.Domain.Fees.ApplicantCategories.All.Count).WithMessage(l["Nhóm đối tượng không hợp lệ."]);
        RuleFor(x => x.Consent).Equal(true).WithMessage(l["Vui lòng đồng ý cho phép xử lý dữ liệu cá nhân để nộp hồ sơ."]);
        RuleFor(x => x.ClientRequestId).NotEmpty().WithMessage(l["Biểu mẫu đã hết hạn, vui lòng tải lại trang."]);

        // One rule over the whole dictionary, not one per field: FluentValidation compiles the expression of each
        // RuleFor, and caches only plain member access; a rule per field compiled one delegate per field on every
        // filing (the load tool's profile: more than half of the API's time in this constructor).
        RuleFor(x => x.Fields).Custom((fields, context) =>
        {
            foreach (var field in procedure.FormFields)
            {
                if (Check(field, fields.GetValueOrDefault(field.Key)?.Trim()) is { } error)
                {
                    context.AddFailure(FieldKey(field.Key), l[error, Format.Pick(field.LabelVi, field.LabelEn), field.MaxLength]);
                }
            }
        });
    }

    public static string FieldKey(string key) => $"Fields[{key}]";

    /// <summary>The Vietnamese message (a localisation key) for what is wrong with the value, or null.</summary>
    private static string? Check(FormField field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return field.Required ? FieldMessages.Required : null;
        }

        if (value.Length > field.MaxLength)
        {
            return FieldMessages.TooLong;
        }

        if (value.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            return FieldMessages.ControlCharacters;
        }

        return field.Type switch
        {
            FormFieldType.Date when !TryParseDate(value, out var day) || day.Year is < 1900 or > 2100 => FieldMessages.InvalidDate,
            FormFieldType.Number when !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) => FieldMessages.NotANumber,
            FormFieldType.Choice when field.Options is { } options && !options.Contains(value) => FieldMessages.InvalidChoice,
            FormFieldType.CitizenId when !CitizenId.IsValid(value) => FieldMessages.InvalidCitizenId,
            _ => null,
        };
    }

    public static bool TryParseDate(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}

/// <summary>Field-level messages (Vietnamese, and so the localisation keys); {0} is the field's label.</summary>
public static class FieldMessages
{
    public const string Required = "{0}: không được để trống.";

    public const string TooLong = "{0}: tối đa {1} ký tự.";

    public const string ControlCharacters = "{0}: có ký tự không hợp lệ.";

    public const string InvalidDate = "{0}: ngày không hợp lệ (dd/MM/yyyy).";

    public const string NotANumber = "{0}: phải là số nguyên không âm.";

    public const string InvalidChoice = "{0}: lựa chọn không hợp lệ.";

    public const string InvalidCitizenId = "{0}: số định danh cá nhân gồm 12 chữ số.";
}
