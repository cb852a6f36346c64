using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.Fees;
using Portal.Domain.People;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;
using Portal.Web.Features.Filing;

namespace Portal.Web.Features.Counter;

/// <summary>
/// An officer files a walk-in citizen's dossier at the counter: the direct channel, so the schedule
/// applies; whatever is due is paid cashless (method and reference recorded; there is no cash).
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class CounterController(
    PortalDbContext db, SubmitDossier submitDossier, UserManager<PortalUser> users, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/can-bo/tiep-nhan")]
    public async Task<IActionResult> New(string? procedure, CancellationToken cancellationToken)
    {
        var form = await FormAsync(procedure, new CounterInput { ClientRequestId = Guid.NewGuid() }, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("/can-bo/tiep-nhan")]
    public async Task<IActionResult> Submit(string? procedure, CounterInput input, string? action, CancellationToken cancellationToken)
    {
        input.Fields ??= [];
        var form = await FormAsync(procedure, input, cancellationToken);
        if (form?.Procedure is not { } chosen)
        {
            return NotFound();
        }

        if (action == "preview")
        {
            ModelState.Clear();
            return View("New", form);
        }

        var validation = await new CounterInputValidator(chosen, form.Communes.Select(c => c.Code.Value).ToHashSet(), form.Fee!.TotalVnd, localizer)
            .ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.ReplaceWith(validation);

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("New", form);
        }

        var citizenId = CitizenId.Parse(input.CitizenId);
        var account = await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.CitizenId == citizenId.Value, cancellationToken);
        var officer = User.Identity!.Name!;
        var code = await submitDossier.HandleAsync(
            new SubmitDossier.Command(
                chosen, CommuneCode.Parse(input.CommuneCode), FilingChannel.Direct,
                new Applicant(account?.Id, citizenId, account?.FullName ?? input.FullName!.Trim()),
                SubmitDossier.Normalise(chosen, input.Fields), input.ClientRequestId, input.ApplicantCategories.ToHashSet(),
                new SubmitDossier.CounterIntake(officer, input.PaymentMethod, input.PaymentReference?.Trim())),
            cancellationToken);
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code, cancellationToken);
        return View("Created", dossier);
    }

    private async Task<CounterForm?> FormAsync(string? procedureCode, CounterInput input, CancellationToken cancellationToken)
    {
        var queues = User.Queues();
        if (queues.Count == 0)
        {
            return null;
        }

        var agency = queues[0].Agency;
        var procedures = await db.Procedures.AsNoTracking().Where(p => p.Agency == agency).OrderBy(p => p.Code).ToListAsync(cancellationToken);
        var procedure = procedureCode is null ? null : procedures.FirstOrDefault(p => p.Code == procedureCode);
        if (procedureCode is not null && procedure is null)
        {
            return null;
        }

        var communeCodes = queues.Select(q => q.Commune).ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => communeCodes.Contains(c.Code)).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        input.CommuneCode ??= communes.FirstOrDefault()?.Code.Value;
        FeeAssessment? fee = null;
        if (procedure is not null)
        {
            var rules = await db.FeeRules.AsNoTracking().ToListAsync(cancellationToken);
            var context = new FeeContext(
                FilingChannel.Direct, VietnamTime.LocalDate(clock.GetUtcNow()),
                input.ApplicantCategories.Where(ApplicantCategories.All.Contains).ToHashSet(), SubmitDossier.Normalise(procedure, input.Fields));
            fee = FeeAssessor.Assess(procedure, context, rules);
        }

        return new CounterForm(procedures, procedure, communes, input, fee);
    }
}

public sealed class CounterInput
{
    public string? CommuneCode { get; set; }

    public string? CitizenId { get; set; }

    public string? FullName { get; set; }

    public Dictionary<string, string?> Fields { get; set; } = [];

    public List<string> ApplicantCategories { get; set; } = [];

    public PaymentMethod? PaymentMethod { get; set; }

    public string? PaymentReference { get; set; }

    public bool Consent { get; set; }

    public Guid ClientRequestId { get; set; }
}

public sealed record CounterForm(
    IReadOnlyList<Procedure> Procedures, Procedure? Procedure, IReadOnlyList<Commune> Communes, CounterInput Input, FeeAssessment? Fee);

/// <summary>The same field rules as online filing, plus the walk-in citizen's identity and, when a fee is due, a cashless payment.</summary>
internal sealed class CounterInputValidator : AbstractValidator<CounterInput>
{
    public CounterInputValidator(Procedure procedure, IReadOnlySet<string> communes, long dueVnd, IStringLocalizer l)
    {
        RuleFor(x => x.CitizenId).Must(Portal.Domain.People.CitizenId.IsValid).WithMessage(l["Số định danh cá nhân gồm 12 chữ số."]);
        RuleFor(x => x.FullName).NotEmpty().WithMessage(l["Vui lòng nhập họ và tên."]).MaximumLength(Applicant.FullNameMaxLength).WithMessage(l["Họ và tên tối đa 100 ký tự."]);
        RuleFor(x => x).Custom((input, context) =>
        {
            var filing = new FilingInput
            {
                CommuneCode = input.CommuneCode, Fields = input.Fields, ApplicantCategories = input.ApplicantCategories,
                ClientRequestId = input.ClientRequestId, Consent = input.Consent,
            };
            foreach (var failure in new FilingInputValidator(procedure, communes, residenceCommune: input.CommuneCode, l).Validate(filing).Errors)
            {
                context.AddFailure(failure);
            }
        });
        When(_ => dueVnd > 0, () =>
        {
            RuleFor(x => x.PaymentMethod).NotNull().WithMessage(l["Vui lòng chọn hình thức thanh toán không dùng tiền mặt."]).IsInEnum().WithMessage(l["Vui lòng chọn hình thức thanh toán không dùng tiền mặt."]);
            RuleFor(x => x.PaymentReference).NotEmpty().WithMessage(l["Vui lòng nhập mã giao dịch thanh toán."])
                .MaximumLength(DossierPayment.ReferenceMaxLength).WithMessage(l["Mã giao dịch tối đa 64 ký tự."]);
        });
    }
}
