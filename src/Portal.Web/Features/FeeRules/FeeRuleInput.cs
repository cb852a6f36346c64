using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Portal.Domain.Catalogue;
using Portal.Domain.Fees;

namespace Portal.Web.Features.FeeRules;

/// <summary>A fee rule as the administrator's form posts it.</summary>
public sealed class FeeRuleInput
{
    public string? Name { get; set; }

    public string? DocumentNumber { get; set; }

    public string? IssuedOn { get; set; }

    public string? Article { get; set; }

    public string? TitleVi { get; set; }

    public string? TitleEn { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? EffectiveTo { get; set; }

    public List<FilingChannel> Channels { get; set; } = [];

    public List<string> ProcedureCodes { get; set; } = [];

    public List<string> FieldCodes { get; set; } = [];

    public List<FeeAuthority> Authorities { get; set; } = [];

    public List<FeeKind> FeeKinds { get; set; } = [];

    public string? Provinces { get; set; }

    public List<string> ApplicantCategories { get; set; } = [];

    public EventTiming Timing { get; set; }

    public FeeEffectKind EffectKind { get; set; } = FeeEffectKind.WaivePercent;

    public int Percent { get; set; }

    public long AmountVnd { get; set; }

    /// <summary>The version the form was loaded at; a save against a newer version is refused.</summary>
    public int Version { get; set; }

    public static DateOnly? ParseDate(string? value) => Format.ParseDay(value);

    public IReadOnlyList<string> ProvinceList =>
        [.. (Provinces ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];

    public FeeRuleScope Scope() => new(
        [.. Channels.Distinct()], [.. ProcedureCodes.Distinct()], [.. FieldCodes.Distinct()], [.. Authorities.Distinct()],
        [.. FeeKinds.Distinct()], ProvinceList, [.. ApplicantCategories.Distinct()], Timing);

    public FeeEffect Effect() => EffectKind == FeeEffectKind.ReduceAmount ? FeeEffect.Reduce(AmountVnd) : FeeEffect.Waive(Percent);

    public LegalBasis LegalBasis() => new(
        DocumentNumber!.Trim(), ParseDate(IssuedOn)!.Value, TitleVi!.Trim(), string.IsNullOrWhiteSpace(TitleEn) ? TitleVi.Trim() : TitleEn.Trim(),
        string.IsNullOrWhiteSpace(Article) ? null : Article.Trim());

    public FeeRule ToRule(Guid id) => new(id, Name!.Trim(), LegalBasis(), ParseDate(EffectiveFrom)!.Value, ParseDate(EffectiveTo), Scope(), Effect());

    public static FeeRuleInput From(FeeRule rule) => new()
    {
        Name = rule.Name,
        DocumentNumber = rule.LegalBasis.DocumentNumber,
        IssuedOn = rule.LegalBasis.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Article = rule.LegalBasis.Article,
        TitleVi = rule.LegalBasis.TitleVi,
        TitleEn = rule.LegalBasis.TitleEn,
        EffectiveFrom = rule.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EffectiveTo = rule.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Channels = [.. rule.Scope.Channels],
        ProcedureCodes = [.. rule.Scope.ProcedureCodes],
        FieldCodes = [.. rule.Scope.FieldCodes],
        Authorities = [.. rule.Scope.Authorities],
        FeeKinds = [.. rule.Scope.FeeKinds ?? []],
        Provinces = string.Join(", ", rule.Scope.Provinces ?? []),
        ApplicantCategories = [.. rule.Scope.ApplicantCategories ?? []],
        Timing = rule.Scope.Timing,
        EffectKind = rule.Effect.Kind,
        Percent = rule.Effect.Percent,
        AmountVnd = rule.Effect.AmountVnd,
        Version = rule.Version,
    };
}

/// <summary>Dates in order, a percentage of 0-100, a legal basis, a scope that names something, and known codes only.</summary>
internal sealed class FeeRuleInputValidator : AbstractValidator<FeeRuleInput>
{
    public FeeRuleInputValidator(IReadOnlySet<string> procedureCodes, IReadOnlySet<string> fieldCodes, IStringLocalizer l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Vui lòng nhập tên quy tắc."]).MaximumLength(FeeRule.NameMaxLength).WithMessage(l["Tên quy tắc tối đa 200 ký tự."]);
        RuleFor(x => x.DocumentNumber).NotEmpty().WithMessage(l["Vui lòng nhập số hiệu văn bản làm căn cứ."])
            .MaximumLength(LegalBasis.DocumentNumberMaxLength).WithMessage(l["Số hiệu văn bản tối đa 64 ký tự."]);
        RuleFor(x => x.TitleVi).NotEmpty().WithMessage(l["Vui lòng nhập trích yếu văn bản."]).MaximumLength(300).WithMessage(l["Trích yếu tối đa 300 ký tự."]);
        RuleFor(x => x.TitleEn).MaximumLength(300).WithMessage(l["Trích yếu tối đa 300 ký tự."]);
        RuleFor(x => x.Article).MaximumLength(100).WithMessage(l["Điều, khoản tối đa 100 ký tự."]);
        RuleFor(x => x.IssuedOn).Must(d => FeeRuleInput.ParseDate(d) is { Year: >= 1990 and <= 2100 }).WithMessage(l["Ngày ban hành không hợp lệ (dd/MM/yyyy)."]);
        RuleFor(x => x.EffectiveFrom).Must(d => FeeRuleInput.ParseDate(d) is { Year: >= 1990 and <= 2100 }).WithMessage(l["Ngày hiệu lực không hợp lệ (dd/MM/yyyy)."]);
        RuleFor(x => x.EffectiveTo)
            .Must(d => string.IsNullOrWhiteSpace(d) || FeeRuleInput.ParseDate(d) is { Year: >= 1990 and <= 2100 }).WithMessage(l["Ngày hết hiệu lực không hợp lệ (dd/MM/yyyy)."]);
        RuleFor(x => x).Must(x => FeeRuleInput.ParseDate(x.EffectiveTo) is not { } to || FeeRuleInput.ParseDate(x.EffectiveFrom) is not { } from || to >= from)
            .WithName(nameof(FeeRuleInput.EffectiveTo)).OverridePropertyName(nameof(FeeRuleInput.EffectiveTo))
            .WithMessage(l["Ngày hết hiệu lực phải sau ngày có hiệu lực."]);
        RuleFor(x => x.EffectKind).IsInEnum().WithMessage(l["Tác động không hợp lệ."]);
        RuleFor(x => x.Percent).InclusiveBetween(0, 100).When(x => x.EffectKind == FeeEffectKind.WaivePercent).WithMessage(l["Tỷ lệ miễn phải từ 0 đến 100%."]);
        RuleFor(x => x.AmountVnd).InclusiveBetween(0, 1_000_000_000).When(x => x.EffectKind == FeeEffectKind.ReduceAmount).WithMessage(l["Số tiền giảm không hợp lệ."]);
        RuleFor(x => x).Must(x => x.EffectKind == FeeEffectKind.WaivePercent ? x.Percent > 0 : x.AmountVnd > 0)
            .OverridePropertyName(nameof(FeeRuleInput.Percent)).WithMessage(l["Quy tắc phải miễn hoặc giảm một khoản lớn hơn 0."]);
        RuleFor(x => x).Must(x => !x.Scope().IsEmpty).OverridePropertyName("Scope")
            .WithMessage(l["Phạm vi áp dụng không được để trống: chọn ít nhất một kênh, thủ tục, lĩnh vực, cơ quan ban hành, loại phí, tỉnh, nhóm đối tượng hoặc thời hạn."]);
        RuleForEach(x => x.Channels).IsInEnum().WithMessage(l["Kênh nộp không hợp lệ."]);
        RuleForEach(x => x.Authorities).IsInEnum().WithMessage(l["Cơ quan ban hành không hợp lệ."]);
        RuleForEach(x => x.FeeKinds).IsInEnum().WithMessage(l["Loại phí không hợp lệ."]);
        RuleFor(x => x.Timing).IsInEnum().WithMessage(l["Thời hạn không hợp lệ."]);
        RuleForEach(x => x.ProcedureCodes).Must(procedureCodes.Contains).WithMessage(l["Không có thủ tục với mã này."]);
        RuleForEach(x => x.FieldCodes).Must(fieldCodes.Contains).WithMessage(l["Lĩnh vực không hợp lệ."]);
        RuleForEach(x => x.ApplicantCategories).Must(c => Portal.Domain.Fees.ApplicantCategories.All.Contains(c)).WithMessage(l["Nhóm đối tượng không hợp lệ."]);
        RuleForEach(x => x.ProvinceList).Must(p => p.Length is 2 && p.All(char.IsAsciiDigit)).OverridePropertyName(nameof(FeeRuleInput.Provinces))
            .WithMessage(l["Mã tỉnh gồm 2 chữ số, cách nhau bởi dấu phẩy."]);
    }
}
