using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;
using Portal.Web.Features.Filing;

namespace Portal.Web.Api.V1;

/// <summary>A citizen's dossiers through a partner app (token with scope <c>dossiers</c>). Another citizen's dossier is "not found".</summary>
[ApiController]
[Authorize(Policy = Policies.ApiCitizen)]
[Route("api/v1/dossiers")]
public sealed class DossiersApiController(
    PortalDbContext db,
    UnitOfWork unitOfWork,
    SubmitDossier submitDossier,
    UserManager<PortalUser> users,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<DossierDto>> Submit(SubmitDossierRequest request, CancellationToken cancellationToken)
    {
        var applicant = await users.FindByIdAsync(User.UserId() ?? string.Empty);
        var procedure = await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Code == request.ProcedureCode, cancellationToken);
        if (applicant is null || !CitizenId.IsValid(applicant.CitizenId))
        {
            return Problem(localizer["Hồ sơ cá nhân của bạn chưa có số định danh cá nhân hợp lệ."], statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        if (procedure is null)
        {
            ModelState.AddModelError(nameof(request.ProcedureCode), localizer["Không có thủ tục với mã này."]);
            return ValidationProblem(ModelState);
        }

        var communes = await db.Communes.AsNoTracking().Where(c => c.SuccessorCode == null).Select(c => c.Code).ToListAsync(cancellationToken);
        var input = new FilingInput
        {
            CommuneCode = request.CommuneCode,
            Fields = request.Fields?.ToDictionary(f => f.Key, f => (string?)f.Value) ?? [],
            ClientRequestId = request.IdempotencyKey ?? Guid.NewGuid(),
            Consent = applicant.ConsentedAt is not null,
            ApplicantCategories = [.. request.ApplicantCategories ?? []],
        };
        var validation = await new FilingInputValidator(procedure, communes.Select(c => c.Value).ToHashSet(), applicant.ResidenceCommuneCode, localizer)
            .ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            foreach (var error in validation.Errors)
            {
                ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }

            return ValidationProblem(ModelState);
        }

        var code = await submitDossier.HandleAsync(
            new SubmitDossier.Command(procedure, CommuneCode.Parse(input.CommuneCode), FilingChannel.Online,
                new Applicant(applicant.Id, CitizenId.Parse(applicant.CitizenId), applicant.FullName),
                SubmitDossier.Normalise(procedure, input.Fields), input.ClientRequestId, input.ApplicantCategories.ToHashSet()),
            cancellationToken);
        var dossier = await LoadAsync(code, cancellationToken);
        return CreatedAtAction(nameof(Get), new { code = code.Value }, DossierDto.From(dossier!, localizer));
    }

    [HttpGet]
    public async Task<IReadOnlyList<DossierSummaryDto>> Mine(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => d.Applicant.UserId == userId)
            .OrderByDescending(d => d.FiledAt).Take(200).ToListAsync(cancellationToken);
        return [.. dossiers.Select(d => new DossierSummaryDto(d.Code.Value, d.ProcedureCode, Statuses.Slug(d.Status), d.FiledAt, d.DueAt, d.AppointmentAt))];
    }

    [HttpGet("{code}")]
    public async Task<ActionResult<DossierDto>> Get(string code, CancellationToken cancellationToken)
    {
        var dossier = DossierCode.IsValid(code) ? await LoadAsync(DossierCode.Parse(code), cancellationToken) : null;
        if (dossier is null || !(await authorization.AuthorizeAsync(User, dossier, Operations.Read)).Succeeded)
        {
            return NotFound();
        }

        return DossierDto.From(dossier, localizer);
    }

    [HttpPost("{code}/withdraw")]
    public async Task<ActionResult<DossierDto>> Withdraw(string code, WithdrawRequest? request, CancellationToken cancellationToken)
    {
        if (request?.Reason is { Length: > DossierTransition.ReasonMaxLength })
        {
            ModelState.AddModelError(nameof(request.Reason), localizer["Lý do tối đa 1000 ký tự."]);
            return ValidationProblem(ModelState);
        }

        var dossierCode = DossierCode.IsValid(code) ? DossierCode.Parse(code) : (DossierCode?)null;
        var result = await unitOfWork.ExecuteAsync<ActionResult<DossierDto>>(
            async ct =>
            {
                var dossier = dossierCode is { } c ? await db.Dossiers.Include(d => d.History).FirstOrDefaultAsync(d => d.Code == c, ct) : null;
                if (dossier is null || !(await authorization.AuthorizeAsync(User, dossier, Operations.Withdraw)).Succeeded)
                {
                    return NotFound();
                }

                if (!Portal.Domain.Dossiers.Rules.DossierActionMustBeAllowedRule.IsAllowed(DossierAction.Withdraw, dossier.Status))
                {
                    return Problem(localizer["Hồ sơ đã kết thúc xử lý, không thể rút."], statusCode: StatusCodes.Status409Conflict);
                }

                dossier.Withdraw(User.UserId()!, clock.GetUtcNow(), request?.Reason?.Trim()); // the unit of work takes it off the worklist
                return DossierDto.From(dossier, localizer);
            },
            cancellationToken);
        return result;
    }

    private Task<Dossier?> LoadAsync(DossierCode code, CancellationToken cancellationToken) =>
        db.Dossiers.AsNoTracking().Include(d => d.History).FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
}

public sealed record SubmitDossierRequest(
    string? ProcedureCode, string? CommuneCode, IReadOnlyDictionary<string, string>? Fields, Guid? IdempotencyKey, IReadOnlyList<string>? ApplicantCategories);

public sealed record WithdrawRequest(string? Reason);

/// <param name="DueAt">The statutory due date.</param>
/// <param name="AppointmentAt">The date the citizen was last promised (later than <paramref name="DueAt"/> after an apology, form 04).</param>
public sealed record DossierSummaryDto(string Code, string ProcedureCode, string Status, DateTimeOffset FiledAt, DateTimeOffset DueAt, DateTimeOffset AppointmentAt);

public sealed record DossierDto(
    string Code, string LookupSecret, string ProcedureCode, string CommuneCode, string Agency, string Status,
    DateTimeOffset FiledAt, DateTimeOffset DueAt, DateTimeOffset AppointmentAt, DateTimeOffset? CompletedAt, FeeAssessmentDto Fee, IReadOnlyList<TimelineEntryDto> Timeline)
{
    /// <summary>The citizen's view: the office's internal steps (assignment, proposals) are not part of it.</summary>
    public static DossierDto From(Dossier d, IStringLocalizer localizer) => new(
        d.Code.Value, d.LookupSecret, d.ProcedureCode, d.CommuneCode.Value, Agencies.Slug(d.Agency), Statuses.Slug(d.Status),
        d.FiledAt, d.DueAt, d.AppointmentAt, d.CompletedAt, FeeAssessmentDto.From(d.Fee, localizer),
        [.. d.History.Where(t => !t.IsInternal).OrderBy(t => t.At).Select(t => new TimelineEntryDto(t.At, Statuses.Slug(t.To), t.Reason))]);
}

public sealed record TimelineEntryDto(DateTimeOffset At, string Status, string? Reason);

public static class Statuses
{
    public static string Slug(DossierStatus status) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}
