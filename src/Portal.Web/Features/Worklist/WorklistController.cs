using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dossiers;
using Portal.Domain.Routing;
using Portal.Domain.Worklists;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;

namespace Portal.Web.Features.Worklist;

/// <summary>An officer's view of the processing queues of their commune(s) and agency, nearest due date first.</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class WorklistController(PortalDbContext db, IAuthorizationService authorization) : Controller
{
    public const int PageSize = 50;

    [HttpGet("/can-bo/hang-doi")]
    public async Task<IActionResult> Index(string? queue, CancellationToken cancellationToken)
    {
        var queues = User.Queues();
        if (queues.Count == 0)
        {
            return Forbid();
        }

        var selected = queue is null ? queues[0] : queues.FirstOrDefault(q => q.Name == queue);
        if (selected == default || !(await authorization.AuthorizeAsync(User, selected, Operations.Read)).Succeeded)
        {
            // A queue the officer does not serve is reported as missing, revealing nothing about it.
            return NotFound();
        }

        var name = selected.Name;
        // Finished dossiers (withdrawn while in transit, for instance) are not work, whatever the queue holds;
        // processed ones still are, until their result is returned.
        var open = db.WorklistItems.AsNoTracking()
            .Where(w => w.QueueName == name && db.Dossiers.Any(d => d.Id == w.DossierId
                && d.Status != DossierStatus.Withdrawn && d.Status != DossierStatus.RefusedAtReception
                && d.Status != DossierStatus.Stopped && d.Status != DossierStatus.ResultReturned));
        var items = await open
            .OrderBy(w => w.DueAt).ThenBy(w => w.DossierId)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        var total = await open.CountAsync(cancellationToken);
        var communeCodes = queues.Select(q => q.Commune).ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => communeCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.FullName, cancellationToken);
        var procedures = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => Format.Pick(p.NameVi, p.NameEn), cancellationToken);
        return View(new WorklistView(queues, selected, items, total, communes.ToDictionary(c => c.Key.Value, c => c.Value), procedures));
    }
}

public sealed record WorklistView(
    IReadOnlyList<ProcessingQueue> Queues,
    ProcessingQueue Selected,
    IReadOnlyList<WorklistItem> Items,
    int Total,
    IReadOnlyDictionary<string, string> CommuneNames,
    IReadOnlyDictionary<string, string> ProcedureNames);
