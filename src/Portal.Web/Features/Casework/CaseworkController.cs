using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Calendar;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Domain.Dossiers;
using Portal.Domain.Dossiers.Rules;
using Portal.Domain.Routing;
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
    IAttachmentStore store, TimeProvider clock, IStringLocalizer<SharedResource> localizer, StaffDirectory staff, CommuneDirectory communes) : Controller
{
    /// <summary>The name the history shows for what the portal does by itself (automatic assignment).</summary>
    public const string SystemActor = "he-thong";

    public static readonly IReadOnlySet<string> LeaderActions = new HashSet<string> { "approve", "reject", "sendback", "assign" };

    public static readonly IReadOnlySet<string> Steps = new HashSet<string>
    {
        "receive", "refuse", "claim", "release", "assign", "start", "supplement", "supplemented", "propose", "propose-refusal",
        "sendback", "approve", "reject", "stop", "apologise", "return",
    };

    [HttpGet("/can-bo/ho-so/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        var dossier = await FindAsync(code, tracked: false, cancellationToken);
        if (dossier is null || !(await authorization.AuthorizeAsync(User, dossier, Operations.Process)).Succeeded)
        {
            return NotFound();
        }

        var queue = await QueueOfAsync(dossier, cancellationToken);
        var actor = Actor(queue);
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
        var calendar = await calendars.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return View(new CaseView(
            dossier, procedure, attachments, result, await staff.SignsForAsync(User, queue, cancellationToken),
            await staff.OfficersOfAsync(queue, cancellationToken), DeadlineRisk.Of(dossier.DueAt, now, calendar),
            DeadlineRisk.NeedsApology(dossier, now, calendar) ? DeadlineRisk.DraftAppointment(dossier, now, calendar) : null));
    }

    /// <summary>
    /// One statutory step on one dossier. Every form carries the dossier version it was drawn from: if
    /// someone else acted in between, nothing is written and the officer is told to reload.
    /// </summary>
    [HttpPost("/can-bo/ho-so/{code}/{step}")]
    public async Task<IActionResult> Act(string code, string step, CaseworkInput input, CancellationToken cancellationToken)
    {
        if (!Steps.Contains(step))
        {
            return NotFound();
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var outcome = await unitOfWork.ExecuteAsync<IActionResult?>(
            async ct =>
            {
                var dossier = await FindAsync(code, tracked: true, ct);
                if (dossier is null || !(await authorization.AuthorizeAsync(User, dossier, Operations.Process)).Succeeded)
                {
                    return NotFound();
                }

                var queue = await QueueOfAsync(dossier, ct);
                if (LeaderActions.Contains(step) && !await staff.SignsForAsync(User, queue, ct))
                {
                    return Forbid();
                }

                if (input.Version is { } seen && seen != dossier.Version)
                {
                    throw new BusinessRuleViolationException(new DossierVersionMustMatchRule(seen, dossier.Version));
                }

                var actor = Actor(queue);
                var now = clock.GetUtcNow();
                var reason = input.Reason?.Trim() ?? string.Empty;
                var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Code == dossier.ProcedureCode, ct);
                switch (step)
                {
                    case "receive":
                        dossier.Receive(actor, now, calendar, procedure.TimeLimit);
                        if (dossier.AssignedTo is null && await staff.PickLeastLoadedAsync(queue, null, ct) is { } officer)
                        {
                            dossier.Assign(officer, new ActorRef(SystemActor, "System", queue.Commune.Value), now);
                        }

                        break;
                    case "refuse": dossier.RefuseAtReception(actor, now, reason); break;
                    case "claim": dossier.Claim(actor, now); break;
                    case "release": dossier.Release(actor, now); break;
                    case "assign":
                        var officers = await staff.OfficersOfAsync(queue, ct);
                        if (officers.All(o => o.UserName != input.Assignee))
                        {
                            throw new BusinessRuleViolationException(new AssigneeMustServeTheQueueRule());
                        }

                        dossier.Assign(input.Assignee!, actor, now);
                        break;
                    case "start": dossier.StartProcessing(actor, now); break;
                    case "supplement": dossier.RequestSupplement(actor, now, reason); break;
                    case "supplemented": dossier.RecordSupplement(actor, now, calendar, string.IsNullOrWhiteSpace(reason) ? "Công dân bổ sung trực tiếp" : reason); break;
                    case "propose": dossier.Propose(actor, now, ProcessingOutcome.Approved, string.IsNullOrWhiteSpace(reason) ? null : reason); break;
                    case "propose-refusal": dossier.Propose(actor, now, ProcessingOutcome.Refused, reason); break;
                    case "sendback": dossier.SendBack(actor, now, reason); break;
                    case "approve": dossier.Approve(actor, now); break;
                    case "reject": dossier.RefuseResult(actor, now, reason); break;
                    case "stop": dossier.Stop(actor, now, reason); break;
                    case "apologise":
                        var newDate = Format.ParseDay(input.NewDate) ?? throw new BusinessRuleViolationException(
                            new NewAppointmentMustBeLaterRule(dossier.AppointmentAt, dossier.AppointmentAt, calendar));
                        dossier.Apologise(actor, now, VietnamTime.AtLocal(newDate, calendar.OfficeClose), reason, calendar);
                        break;
                    case "return":
                        dossier.ReturnResult(actor, now);
                        db.DossierResults.Add(new DossierResult(
                            dossier.Id, RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", DossierResult.VerificationCodeLength),
                            Trim(input.Summary) ?? (dossier.Outcome == ProcessingOutcome.Approved ? "Hồ sơ được giải quyết theo đề nghị." : "Hồ sơ không được giải quyết."),
                            actor.Name, now));
                        break;
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

    /// <summary>A national form (02 supplement request, 03 refusal, 04 apology, 05 stop notice, 01 receipt) produced by one step of the dossier.</summary>
    [HttpGet("/can-bo/ho-so/{code}/mau/{entry:guid}")]
    public async Task<IActionResult> Form(string code, Guid entry, CancellationToken cancellationToken)
    {
        var dossier = await FindAsync(code, tracked: false, cancellationToken);
        if (dossier is null || !(await authorization.AuthorizeAsync(User, dossier, Operations.Process)).Succeeded)
        {
            return NotFound();
        }

        return await Forms.NationalForms.RenderAsync(this, db, dossier, entry, $"/can-bo/ho-so/{dossier.Code}", cancellationToken);
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


    private async Task<ProcessingQueue> QueueOfAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        var directory = await communes.GetAsync(cancellationToken);
        return DossierRouter.Route(dossier.CommuneCode, dossier.Agency, c => directory.GetValueOrDefault(c));
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, DossierResult.SummaryMaxLength)];

    /// <summary>Who acts, in the role and for the commune of the queue the dossier is processed in.</summary>
    private ActorRef Actor(ProcessingQueue queue)
    {
        var role = PortalRoles.CommuneStaff.FirstOrDefault(User.IsInRole) ?? PortalRoles.Supervisor;
        return new ActorRef(User.Identity!.Name!, role, queue.Commune.Value);
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
    Dossier Dossier, Portal.Domain.Catalogue.Procedure Procedure, IReadOnlyList<Attachment> Attachments, DossierResult? Result, bool IsLeader,
    IReadOnlyList<StaffMember> Officers, DeadlineRiskLevel Risk, DateOnly? DraftAppointment);

/// <summary>What a casework form posts.</summary>
public sealed class CaseworkInput
{
    public string? Reason { get; set; }

    public string? Summary { get; set; }

    public string? Assignee { get; set; }

    /// <summary>The new appointment of an apology, yyyy-MM-dd (a date input) or dd/MM/yyyy.</summary>
    public string? NewDate { get; set; }

    /// <summary>The dossier version the form was drawn from.</summary>
    public int? Version { get; set; }
}
