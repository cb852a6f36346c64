using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Api.V1;

/// <summary>A fee preview: what a procedure costs on a channel and day, and why (public).</summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/fees")]
public sealed class FeesApiController(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : ControllerBase
{
    [HttpPost("assessments")]
    public async Task<ActionResult<FeeAssessmentDto>> Assess(FeeAssessmentRequest request, CancellationToken cancellationToken)
    {
        var channel = Channels.Parse(request.Channel);
        if (channel is null)
        {
            ModelState.AddModelError(nameof(request.Channel), l["Kênh nộp phải là online, direct hoặc postal."]);
        }

        if (request.Date is { } day && (day.Year < 2000 || day.Year > 2100))
        {
            ModelState.AddModelError(nameof(request.Date), l["Ngày không hợp lệ."]);
        }

        if (request.ApplicantCategories?.FirstOrDefault(c => !ApplicantCategories.All.Contains(c)) is { } unknown)
        {
            ModelState.AddModelError(nameof(request.ApplicantCategories), l["Nhóm đối tượng không hợp lệ: {0}.", unknown]);
        }

        var procedure = await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Code == request.ProcedureCode, cancellationToken);
        if (procedure is null)
        {
            ModelState.AddModelError(nameof(request.ProcedureCode), l["Không có thủ tục với mã này."]);
        }

        if (procedure is not null && request.Fields is not null)
        {
            foreach (var fee in procedure.Fees.Where(f => f.IsPerUnit))
            {
                foreach (var field in new[] { fee.QuantityField, fee.MultiplierField }.OfType<string>())
                {
                    if (request.Fields.TryGetValue(field, out var value) && !(int.TryParse(value, out var units) && units is >= 1 and <= ScheduledFee.MaxUnits))
                    {
                        ModelState.AddModelError($"fields.{field}", l["{0}: phải là số nguyên từ 1 đến {1}.", field, ScheduledFee.MaxUnits]);
                    }
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        var rules = await db.FeeRules.AsNoTracking().ToListAsync(cancellationToken);
        var context = new FeeContext(
            channel!.Value, request.Date ?? VietnamTime.LocalDate(clock.GetUtcNow()),
            (request.ApplicantCategories ?? []).ToHashSet(StringComparer.Ordinal),
            Features.Filing.SubmitDossier.Normalise(procedure!, request.Fields?.ToDictionary(f => f.Key, f => (string?)f.Value) ?? []));
        return FeeAssessmentDto.From(FeeAssessor.Assess(procedure!, context, rules), l);
    }
}

public sealed record FeeAssessmentRequest(
    string? ProcedureCode, string? Channel, DateOnly? Date, IReadOnlyList<string>? ApplicantCategories, IReadOnlyDictionary<string, string>? Fields);

public sealed record FeeAssessmentDto(
    string Channel, DateOnly AssessedOn, IReadOnlyList<FeeLineDto> Lines, IReadOnlyList<AppliedRuleDto> AppliedRules,
    long BaseTotalVnd, long WaivedVnd, long TotalVnd, string ExplanationVi, string ExplanationEn)
{
    /// <summary>The assessment with its explanation in Vietnamese and in English (whatever the request's language).</summary>
    public static FeeAssessmentDto From(FeeAssessment a, IStringLocalizer localizer) => new(
        Channels.Slug(a.Channel), a.AssessedOn,
        [.. a.Lines.Select(line => new FeeLineDto(line.NameVi, line.NameEn, line.Kind.ToString().ToLowerInvariant(), line.Units, line.Multiplier,
            line.BaseAmountVnd, line.FeeBasis.DocumentNumber,
            line.RuleName is null ? null : new AppliedRuleDto(line.RuleName, line.RuleBasis!.DocumentNumber, line.RuleBasis.Article, line.RuleBasis.IssuedOn, line.ReductionVnd),
            line.AmountVnd))],
        [.. a.AppliedRules.Select(r => new AppliedRuleDto(r.Name, r.LegalBasis.DocumentNumber, r.LegalBasis.Article, r.LegalBasis.IssuedOn, r.RemovedVnd))],
        a.BaseTotalVnd, a.WaivedVnd, a.TotalVnd,
        Explain(a, localizer, "vi-VN"), Explain(a, localizer, "en-US"));

    private static string Explain(FeeAssessment a, IStringLocalizer localizer, string culture)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            return Infrastructure.FeeExplanation.For(a, localizer);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}

public sealed record FeeLineDto(string NameVi, string NameEn, string Kind, int Units, int Multiplier, long BaseAmountVnd, string LegalBasis, AppliedRuleDto? Rule, long AmountVnd);

public sealed record AppliedRuleDto(string Name, string LegalBasis, string? Article, DateOnly IssuedOn, long ReductionVnd);
