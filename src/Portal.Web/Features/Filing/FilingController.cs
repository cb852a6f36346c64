using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Web.Authorization;

namespace Portal.Web.Features.Filing;

[Authorize(Policy = Policies.Citizen)]
public sealed class FilingController(FilingFormFactory forms, SubmitDossier submitDossier, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/nop-ho-so/{procedureCode}")]
    public async Task<IActionResult> New(string procedureCode, CancellationToken cancellationToken)
    {
        var procedure = await forms.FindProcedureAsync(procedureCode, cancellationToken);
        var applicant = await forms.CurrentUserAsync(User);
        if (procedure is null || applicant is null)
        {
            return NotFound();
        }

        return View(await forms.CreateAsync(procedure, applicant, null, cancellationToken));
    }

    [HttpPost("/nop-ho-so/{procedureCode}")]
    public async Task<IActionResult> Submit(string procedureCode, FilingInput input, string? action, CancellationToken cancellationToken)
    {
        var procedure = await forms.FindProcedureAsync(procedureCode, cancellationToken);
        var applicant = await forms.CurrentUserAsync(User);
        if (procedure is null || applicant is null)
        {
            return NotFound();
        }

        input.Fields ??= [];
        var form = await forms.CreateAsync(procedure, applicant, input, cancellationToken);
        if (action == "preview")
        {
            // "Tính lại phí": the same form with the fee recomputed for what was entered; nothing is filed.
            ModelState.Clear();
            return View("New", form);
        }

        var validator = new FilingInputValidator(procedure, form.Communes.Select(c => c.Code.Value).ToHashSet(), applicant.ResidenceCommuneCode, localizer);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!CitizenId.IsValid(applicant.CitizenId))
        {
            validation.Errors.Add(new FluentValidation.Results.ValidationFailure(string.Empty, localizer["Hồ sơ cá nhân của bạn chưa có số định danh cá nhân hợp lệ."]));
        }

        if (!validation.IsValid)
        {
            ModelState.ReplaceWith(validation);

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("New", form);
        }

        var code = await submitDossier.HandleAsync(
            new SubmitDossier.Command(
                procedure,
                CommuneCode.Parse(input.CommuneCode),
                FilingChannel.Online,
                new Applicant(applicant.Id, CitizenId.Parse(applicant.CitizenId), applicant.FullName),
                SubmitDossier.Normalise(procedure, input.Fields),
                input.ClientRequestId,
                input.ApplicantCategories.ToHashSet()),
            cancellationToken);
        return RedirectToAction("Show", "MyDossiers", new { code = code.Value });
    }
}
