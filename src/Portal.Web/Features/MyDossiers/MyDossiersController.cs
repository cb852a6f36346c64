using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Catalogue;
using Portal.Domain.Documents;
using Portal.Domain.Dossiers;
using Portal.Domain.Dossiers.Rules;
using Portal.Infrastructure.Citizens;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;
using Portal.Infrastructure.Storage;
using Portal.Web.Authorization;

namespace Portal.Web.Features.MyDossiers;

/// <summary>
/// A citizen follows their own dossiers: the timeline with who (role and unit) did what and when, the
/// receipt, answering a supplement request, withdrawing, the electronic result and a rating. Another
/// citizen's dossier is "not found", never "forbidden".
/// </summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class MyDossiersController(
    PortalDbContext db, UnitOfWork unitOfWork, IAuthorizationService authorization, WorkingCalendarProvider calendars, AttachmentIntake intake,
    IAttachmentStore store, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/ho-so-cua-toi")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => d.Applicant.UserId == userId)
            .OrderByDescending(d => d.FiledAt)
            .Take(100)
            .Select(d => new DossierSummary(d.Code, d.ProcedureCode, d.Status, d.FiledAt, d.AppointmentAt, d.Timeliness))
            .ToListAsync(cancellationToken);
        var drafts = await db.DossierDrafts.AsNoTracking().Where(d => d.UserId == userId).OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);
        var names = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => Format.Pick(p.NameVi, p.NameEn), cancellationToken);
        return View(new MyDossiersView(dossiers, drafts, names));
    }

    [HttpGet("/ho-so/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        if (await OwnAsync(code, Operations.Read, tracked: false, cancellationToken) is not { } dossier)
        {
            return NotFound();
        }

        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Code == dossier.ProcedureCode, cancellationToken);
        var commune = await db.Communes.AsNoTracking().FirstAsync(c => c.Code == dossier.CommuneCode, cancellationToken);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.DossierId == dossier.Id).OrderBy(a => a.AddedAt).ToListAsync(cancellationToken);
        var accesses = await db.DossierAccesses.AsNoTracking().Where(a => a.DossierId == dossier.Id).OrderByDescending(a => a.At).Take(50).ToListAsync(cancellationToken);
        var result = await db.DossierResults.AsNoTracking().FirstOrDefaultAsync(r => r.DossierId == dossier.Id, cancellationToken);
        var rating = await db.DossierRatings.AsNoTracking().FirstOrDefaultAsync(r => r.DossierId == dossier.Id, cancellationToken);
        return View(new DossierView(dossier, procedure, commune, attachments, accesses, result, rating));
    }

    /// <summary>A national form the dossier's processing produced (supplement request, refusal, apology, stop notice).</summary>
    [HttpGet("/ho-so/{code}/mau/{entry:guid}")]
    public async Task<IActionResult> Form(string code, Guid entry, CancellationToken cancellationToken) =>
        await OwnAsync(code, Operations.Read, tracked: false, cancellationToken) is { } dossier
            ? await Forms.NationalForms.RenderAsync(this, db, dossier, entry, $"/ho-so/{dossier.Code}", cancellationToken)
            : NotFound();

    [HttpGet("/ho-so/{code}/bien-nhan")]
    public async Task<IActionResult> Receipt(string code, CancellationToken cancellationToken)
    {
        if (await OwnAsync(code, Operations.Read, tracked: false, cancellationToken) is not { } dossier)
        {
            return NotFound();
        }

        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Code == dossier.ProcedureCode, cancellationToken);
        var commune = await db.Communes.AsNoTracking().FirstAsync(c => c.Code == dossier.CommuneCode, cancellationToken);
        var lookup = $"{Request.Scheme}://{Request.Host}/tra-cuu?ma={dossier.Code}&ma-tra-cuu={dossier.LookupSecret}";
        return View(new ReceiptView(dossier, procedure, commune, QrCodes.DataUri(lookup), lookup));
    }

    [HttpPost("/ho-so/{code}/bo-sung")]
    [RequestSizeLimit(AttachmentIntake.MaxTotalBytes + (1024 * 1024))]
    public async Task<IActionResult> Supplement(string code, string? comment, CancellationToken cancellationToken)
    {
        var (files, errors) = await intake.ReadAsync(Request.HasFormContentType ? Request.Form.Files : null, cancellationToken);
        if (comment is { Length: > DossierTransition.ReasonMaxLength })
        {
            errors = [.. errors, localizer["Lý do tối đa 1000 ký tự."].Value];
        }

        if (files.Count == 0 && string.IsNullOrWhiteSpace(comment))
        {
            errors = [.. errors, localizer["Vui lòng đính kèm giấy tờ bổ sung hoặc ghi nội dung trả lời."].Value];
        }

        if (errors.Count > 0)
        {
            TempData["Error"] = string.Join(" ", errors);
            return Redirect($"/ho-so/{code}");
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        return await ChangeAsync(code, Operations.Answer, async (dossier, ct) =>
        {
            var now = clock.GetUtcNow();
            dossier.RecordSupplement(User.Identity!.Name!, now, calendar, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
            foreach (var file in files)
            {
                var key = await store.SaveAsync(file.Content, FileSignature.Extension(file.ContentType), ct);
                db.Attachments.Add(new Attachment(Guid.CreateVersion7(now), dossier.Id, AttachmentKind.Supplement, file.FileName, file.ContentType,
                    file.Content.Length, key, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(file.Content)), now));
            }

            return null;
        }, localizer["Đã gửi giấy tờ bổ sung. Hồ sơ tiếp tục được xử lý."], cancellationToken);
    }

    [HttpPost("/ho-so/{code}/rut")]
    public Task<IActionResult> Withdraw(string code, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(code, Operations.Withdraw, (dossier, _) =>
        {
            if (!DossierActionMustBeAllowedRule.IsAllowed(DossierAction.Withdraw, dossier.Status))
            {
                return Task.FromResult<string?>(localizer["Hồ sơ đã kết thúc xử lý, không thể rút."]);
            }

            dossier.Withdraw(User.Identity!.Name!, clock.GetUtcNow(), Limit(reason));
            return Task.FromResult<string?>(null);
        }, localizer["Đã rút hồ sơ."], cancellationToken);

    [HttpPost("/ho-so/{code}/danh-gia")]
    public Task<IActionResult> Rate(string code, bool liked, string? comment, CancellationToken cancellationToken) =>
        ChangeAsync(code, Operations.Answer, async (dossier, ct) =>
        {
            // Once per dossier, after it is finished (Decision 766: satisfaction).
            if (dossier.CompletedAt is null)
            {
                return localizer["Bạn có thể đánh giá khi hồ sơ đã có kết quả."];
            }

            if (await db.DossierRatings.AnyAsync(r => r.DossierId == dossier.Id, ct))
            {
                return localizer["Bạn đã đánh giá hồ sơ này; mỗi hồ sơ được đánh giá một lần."];
            }

            db.DossierRatings.Add(new DossierRating
            {
                DossierId = dossier.Id, Liked = liked, Comment = Limit(comment), At = clock.GetUtcNow(), CommuneCode = dossier.CommuneCode.Value, Agency = dossier.Agency,
            });
            return null;
        }, localizer["Cảm ơn bạn đã đánh giá."], cancellationToken);

    [HttpGet("/ho-so/{code}/ket-qua")]
    public async Task<IActionResult> Result(string code, CancellationToken cancellationToken)
    {
        if (await OwnAsync(code, Operations.Read, tracked: false, cancellationToken) is not { } dossier
            || await db.DossierResults.AsNoTracking().FirstOrDefaultAsync(r => r.DossierId == dossier.Id, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Code == dossier.ProcedureCode, cancellationToken);
        var commune = await db.Communes.AsNoTracking().FirstAsync(c => c.Code == dossier.CommuneCode, cancellationToken);
        var verify = $"{Request.Scheme}://{Request.Host}/kiem-tra/{result.VerificationCode}";
        Response.Headers.ContentDisposition = $"attachment; filename=\"ket-qua-{dossier.Code}.html\"";
        return View(new ResultView(dossier, procedure, commune, result, QrCodes.DataUri(verify), verify));
    }

    [HttpGet("/ho-so/{code}/tep/{id:guid}")]
    public async Task<IActionResult> Attachment(string code, Guid id, CancellationToken cancellationToken)
    {
        if (await OwnAsync(code, Operations.Read, tracked: false, cancellationToken) is not { } dossier)
        {
            return NotFound();
        }

        var file = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.DossierId == dossier.Id && a.StorageKey != "", cancellationToken);
        return file is null ? NotFound() : File(store.OpenRead(file.StorageKey), file.ContentType, file.FileName);
    }

    private static string? Limit(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, DossierTransition.ReasonMaxLength)];

    private async Task<IActionResult> ChangeAsync(
        string code, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation,
        Func<Dossier, CancellationToken, Task<string?>> change, string message, CancellationToken cancellationToken)
    {
        // The change returns why it was refused (nothing changed), or null when it was made.
        var (found, refusal) = await unitOfWork.ExecuteAsync(
            async ct =>
            {
                if (await OwnAsync(code, operation, tracked: true, ct) is not { } dossier)
                {
                    return (false, (string?)null);
                }

                return (true, await change(dossier, ct));
            },
            cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        TempData[refusal is null ? "Message" : "Error"] = refusal ?? message;
        return Redirect($"/ho-so/{code}");
    }

    private async Task<Dossier?> OwnAsync(string code, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, bool tracked, CancellationToken cancellationToken)
    {
        if (!DossierCode.IsValid(code))
        {
            return null;
        }

        var dossierCode = DossierCode.Parse(code);
        var query = db.Dossiers.Include(d => d.History).Where(d => d.Code == dossierCode);
        var dossier = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
        return dossier is not null && (await authorization.AuthorizeAsync(User, dossier, operation)).Succeeded ? dossier : null;
    }
}

public sealed record DossierSummary(DossierCode Code, string ProcedureCode, DossierStatus Status, DateTimeOffset FiledAt, DateTimeOffset DueAt, Timeliness? Timeliness);

public sealed record MyDossiersView(IReadOnlyList<DossierSummary> Dossiers, IReadOnlyList<DossierDraft> Drafts, IReadOnlyDictionary<string, string> ProcedureNames);

public sealed record DossierView(
    Dossier Dossier, Procedure Procedure, Portal.Domain.AdministrativeUnits.Commune Commune, IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<DossierAccess> Accesses, DossierResult? Result, DossierRating? Rating);

public sealed record ReceiptView(Dossier Dossier, Procedure Procedure, Portal.Domain.AdministrativeUnits.Commune Commune, string QrCode, string LookupUrl);

public sealed record ResultView(Dossier Dossier, Procedure Procedure, Portal.Domain.AdministrativeUnits.Commune Commune, DossierResult Result, string QrCode, string VerifyUrl);
