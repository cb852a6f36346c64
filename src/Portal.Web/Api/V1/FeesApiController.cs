using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Calendar;
using Portal.Domain.Fees;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Api.V1;

/// <summary>A fee preview: what a procedure costs on a channel and day, and why (public).</summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/fees")]
public sealed class FeesApiController(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : ControllerBase
{
    public static readonly IReadOnlySet<string> ApplicantCategories = new HashSet<string>(StringComparer.Ordinal) { "meritorious-family", "poor-household", "disability" };

    [HttpPost("assessments")]
    public async Task<ActionResult<FeeAssessmentDto>> Assess(FeeAssessmentRequest request, CancellationToken cancellationToken)
    {
        var channel = Channels.Parse(request.Channel);
        if (channel is null)
        {
            ModelState.AddModelError(nameof(request.Channel), l["Kênh nộp phải là online hoặc direct."]);
        }

        if (request.Date is { } day && (day.Year < 2000 || day.Year > 2100))
        {
            ModelState.AddModelError(nameof(request.Date), l["Ngày không hợp lệ."]);
        }

        if (request.ApplicantCategories?.FirstOrDefault(c => !ApplicantCategories.Contains(c)) is { } unknown)
        {
            ModelState.AddModelError(nameof(request.ApplicantCategories), l["Nhóm đối tượng không hợp lệ: {0}.", unknown]);
        }

        var procedure = await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Code == request.ProcedureCode, cancellationToken);
        if (procedure is null)
        {
            ModelState.AddModelError(nameof(request.ProcedureCode), l["Không có thủ tục với mã này."]);
        }

        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        var rules = await db.FeeRules.AsNoTracking().ToListAsync(cancellationToken);
        return FeeAssessmentDto.From(FeeAssessor.Assess(procedure!, channel!.Value, request.Date ?? VietnamTime.LocalDate(clock.GetUtcNow()), rules));
    }
}

public sealed record FeeAssessmentRequest(string? ProcedureCode, string? Channel, DateOnly? Date, IReadOnlyList<string>? ApplicantCategories);

public sealed record FeeAssessmentDto(string Channel, DateOnly AssessedOn, IReadOnlyList<FeeLineDto> Lines, long BaseTotalVnd, long WaivedVnd, long TotalVnd)
{
    public static FeeAssessmentDto From(FeeAssessment a) => new(
        Channels.Slug(a.Channel), a.AssessedOn,
        [.. a.Lines.Select(line => new FeeLineDto(line.NameVi, line.NameEn, line.Kind.ToString().ToLowerInvariant(), line.BaseAmountVnd, line.FeeBasis.DocumentNumber,
            line.RuleName is null ? null : new AppliedRuleDto(line.RuleName, line.RuleBasis!.DocumentNumber, line.RuleBasis.IssuedOn, line.ReductionVnd), line.AmountVnd))],
        a.BaseTotalVnd, a.WaivedVnd, a.TotalVnd);
}

public sealed record FeeLineDto(string NameVi, string NameEn, string Kind, long BaseAmountVnd, string LegalBasis, AppliedRuleDto? Rule, long AmountVnd);

public sealed record AppliedRuleDto(string Name, string LegalBasis, DateOnly IssuedOn, long ReductionVnd);
