using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Documents;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Citizens;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;
using Portal.Infrastructure.Storage;
using Portal.Web.Authorization;

namespace Portal.Web.Features.Casework;

/// <summary>
/// An officer (or leader) works one dossier of their queue: reads it (the access is logged for the
/// citizen to see) and takes the next statutory step. Each step is a domain transition, audited in the
/// dossier's history and announced to the citizen.
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class CaseworkController(
    PortalDbContext db, UnitOfWork unitOfWork, IAuthorizationService authorization, WorkingCalendarProvider calendars,
    IAttachmentStore store, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    public static readonly IReadOnlySet<string> LeaderActions = new HashSet<string> { "approve", "reject" };

    [HttpGet("/can-bo/ho-so/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        var dossier = await FindAsync(code, tracked: false, cancellationToken);
        if (dossier is null || !(await authorization.AuthorizeAsync(User, dossier, Operations.Process)).Succeeded)
        {
            return NotFound();
        }

        var actor = Actor(dossier);
        await unitOfWork.ExecuteAsync(
            _ =>
            {
                db.DossierAccesses.Add(new DossierAccess { DossierId = dossier.Id, Role = actor.Role!, Commune = actor.Commune, At = clock.GetUtcNow() });
                return Task.CompletedTask;
            },
            cancellationToken);
        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Code == dossier.ProcedureCode, cancellationToken);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.DossierId == dossier.Id).OrderBy(a => a.AddedAt).ToListAsync(cancellationToken);
        var result = await db.DossierResults.AsNoTracking().FirstOrDefaultAsync(r => r.DossierId == dossier.Id, cancellationToken);
        return View(new CaseView(dossier, procedure, attachments, result, User.IsInRole(PortalRoles.PoliceLeader) || User.IsInRole(PortalRoles.CommitteeLeader)));
    }

    [HttpPost("/can-bo/ho-so/{code}/{step}")]
    public async Task<IActionResult> Act(string code, string step, string? reason, string? summary, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var isLeader = User.IsInRole(PortalRoles.PoliceLeader) || User.IsInRole(PortalRoles.CommitteeLeader);
        if (LeaderActions.Contains(step) && !isLeader)
        {
            return Forbid();
        }

        var outcome = await unitOfWork.ExecuteAsync<IActionResult?>(
            async ct =>
            {
                var dossier = await FindAsync(code, tracked: true, ct);
                if (dossier is null || !(await authorization.AuthorizeAsync(User, dossier, Operations.Process)).Succeeded)
                {
                    return NotFound();
                }

                var actor = Actor(dossier);
                var now = clock.GetUtcNow();
                var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Code == dossier.ProcedureCode, ct);
                switch (step)
                {
                    case "receive": dossier.Receive(actor, now, calendar, procedure.TimeLimit); break;
                    case "refuse": dossier.RefuseAtReception(actor, now, reason?.Trim() ?? string.Empty); break;
                    case "start": dossier.StartProcessing(actor, now); break;
                    case "supplement": dossier.RequestSupplement(actor, now, reason?.Trim() ?? string.Empty); break;
                    case "approve": dossier.Approve(actor, now); break;
                    case "reject": dossier.RefuseResult(actor, now, reason?.Trim() ?? string.Empty); break;
                    case "stop": dossier.Stop(actor, now, reason?.Trim() ?? string.Empty); break;
                    case "return":
                        dossier.ReturnResult(actor, now);
                        db.DossierResults.Add(new DossierResult(
                            dossier.Id, RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", DossierResult.VerificationCodeLength),
                            Trim(summary) ?? (dossier.Outcome == ProcessingOutcome.Approved ? "Hồ sơ được giải quyết theo đề nghị." : "Hồ sơ không được giải quyết."),
                            actor.Name, now));
                        break;
                    default: return NotFound();
                }

                if (dossier.CompletedAt is not null && step is not "approve" and not "reject")
                {
                    await db.WorklistItems.Where(w => w.DossierId == dossier.Id).ExecuteDeleteAsync(ct);
                }

                return null;
            },
            cancellationToken);
        if (outcome is not null)
        {
            return outcome;
        }

        TempData["Message"] = localizer["Đã cập nhật hồ sơ {0}.", code].Value;
        return Redirect($"/can-bo/ho-so/{code}");
    }

    [HttpGet("/can-bo/ho-so/{code}/tep/{id:guid}")]
    public async Task<IActionResult> Attachment(string code, Guid id, CancellationToken cancellationToken)
    {
        var dossier = await FindAsync(code, tracked: false, cancellationToken);
        if (dossier is null || !(await authorization.AuthorizeAsync(User, dossier, Operations.Process)).Succeeded)
        {
            return NotFound();
        }

        var file = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.DossierId == dossier.Id, cancellationToken);
        return file is null ? NotFound() : File(store.OpenRead(file.StorageKey), file.ContentType, file.FileName);
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, DossierResult.SummaryMaxLength)];

    private ActorRef Actor(Dossier dossier)
    {
        var role = PortalRoles.CommuneStaff.FirstOrDefault(User.IsInRole) ?? PortalRoles.Supervisor;
        var commune = User.Queues().FirstOrDefault(q => q.Agency == dossier.Agency).Commune.Value;
        return new ActorRef(User.Identity!.Name!, role, commune);
    }

    private async Task<Dossier?> FindAsync(string code, bool tracked, CancellationToken cancellationToken)
    {
        if (!DossierCode.IsValid(code))
        {
            return null;
        }

        var dossierCode = DossierCode.Parse(code);
        var query = db.Dossiers.Include(d => d.History).Where(d => d.Code == dossierCode);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
    }
}

public sealed record CaseView(
    Dossier Dossier, Portal.Domain.Catalogue.Procedure Procedure, IReadOnlyList<Attachment> Attachments, DossierResult? Result, bool IsLeader);
