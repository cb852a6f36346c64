using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Infrastructure.Citizens;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;

namespace Portal.Web.Features.Filing;

/// <summary>
/// Filing a dossier online: the form is drawn from the procedure's field definitions and prefilled from
/// the profile; it can be recalculated (fee), saved as a draft and resumed, and filed once with its
/// attachments, however often it is posted.
/// </summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class FilingController(
    FilingFormFactory forms, SubmitDossier submitDossier, AttachmentIntake intake, PortalDbContext db, UserManager<PortalUser> users,
    TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/nop-ho-so/{procedureCode}")]
    public async Task<IActionResult> New(string procedureCode, [FromQuery(Name = "ban-nhap")] Guid? draft, CancellationToken cancellationToken)
    {
        var procedure = await forms.FindProcedureAsync(procedureCode, cancellationToken);
        var applicant = await forms.CurrentUserAsync(User);
        if (procedure is null || applicant is null)
        {
            return NotFound();
        }

        var input = draft is { } id ? await forms.DraftAsync(id, applicant.Id, procedureCode, cancellationToken) : null;
        return View(await forms.CreateAsync(procedure, applicant, input, cancellationToken));
    }

    [HttpPost("/nop-ho-so/{procedureCode}")]
    [RequestSizeLimit(AttachmentIntake.MaxTotalBytes + (1024 * 1024))]
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

        if (action == "draft")
        {
            await SaveDraftAsync(applicant.Id, procedure.Code, input, cancellationToken);
            // A draft keeps what was typed; files are not kept with it (they are checked and stored only when the dossier is filed).
            var filesChosen = Request.HasFormContentType && Request.Form.Files.Any(f => f.Length > 0);
            TempData["Message"] = filesChosen
                ? localizer["Đã lưu bản nháp. Tệp đính kèm không được lưu cùng bản nháp: vui lòng chọn lại khi nộp hồ sơ. Bạn có thể tiếp tục từ mục Hồ sơ của tôi."].Value
                : localizer["Đã lưu bản nháp. Bạn có thể tiếp tục từ mục Hồ sơ của tôi."].Value;
            return Redirect("/ho-so-cua-toi");
        }

        var validation = await new FilingInputValidator(procedure, form.Communes.Select(c => c.Code.Value).ToHashSet(), applicant.ResidenceCommuneCode, localizer)
            .ValidateAsync(input, cancellationToken);
        if (!CitizenId.IsValid(applicant.CitizenId))
        {
            validation.Errors.Add(new FluentValidation.Results.ValidationFailure(string.Empty, localizer["Hồ sơ cá nhân của bạn chưa có số định danh cá nhân hợp lệ."]));
        }

        var (files, fileErrors) = await intake.ReadAsync(Request.HasFormContentType ? Request.Form.Files : null, cancellationToken);
        validation.Errors.AddRange(fileErrors.Select(e => new FluentValidation.Results.ValidationFailure("Files", e)));
        if (!validation.IsValid)
        {
            ModelState.ReplaceWith(validation);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("New", form);
        }

        var data = SubmitDossier.Normalise(procedure, input.Fields);
        var code = await submitDossier.HandleAsync(
            new SubmitDossier.Command(
                procedure,
                CommuneCode.Parse(input.CommuneCode),
                FilingChannel.Online,
                new Applicant(applicant.Id, CitizenId.Parse(applicant.CitizenId), applicant.FullName),
                data,
                input.ClientRequestId,
                input.ApplicantCategories.ToHashSet(),
                Files: files,
                ReusedResults: input.ReusedResults),
            cancellationToken);
        await AfterFilingAsync(applicant, procedure, data, input, cancellationToken);
        return RedirectToAction("Show", "MyDossiers", new { code = code.Value });
    }

    private async Task SaveDraftAsync(string userId, string procedureCode, FilingInput input, CancellationToken cancellationToken)
    {
        var existing = input.DraftId is { } id ? await db.DossierDrafts.FirstOrDefaultAsync(d => d.Id == id && d.UserId == userId, cancellationToken) : null;
        var json = JsonSerializer.Serialize(input with { });
        if (existing is null)
        {
            db.DossierDrafts.Add(new DossierDraft { Id = Guid.CreateVersion7(), UserId = userId, ProcedureCode = procedureCode, Input = json, UpdatedAt = clock.GetUtcNow() });
        }
        else
        {
            existing.Input = json;
            existing.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The draft is spent; the profile learns the changed fields only when the citizen asked for it.</summary>
    private async Task AfterFilingAsync(PortalUser applicant, Procedure procedure, IReadOnlyDictionary<string, string> data, FilingInput input, CancellationToken cancellationToken)
    {
        if (input.DraftId is { } draftId)
        {
            await db.DossierDrafts.Where(d => d.Id == draftId && d.UserId == applicant.Id).ExecuteDeleteAsync(cancellationToken);
        }

        if (!input.UpdateProfile)
        {
            return;
        }

        foreach (var field in procedure.FormFields.Where(f => f.ProfileSource is not null && data.ContainsKey(f.Key)))
        {
            var value = data[field.Key];
            switch (field.ProfileSource)
            {
                case "FullName": applicant.FullName = value; break;
                case "ResidenceAddress": applicant.ResidenceAddress = value; break;
                case "DateOfBirth" when DateOnly.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var born): applicant.DateOfBirth = born; break;
            }
        }

        await users.UpdateAsync(applicant);
    }
}
