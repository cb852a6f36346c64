using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Messaging.Parking;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;

namespace Portal.Web.Features.FailedMessages;

/// <summary>Administrators see the messages the bus could not process, with their error, and redeliver or discard them (audited).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class FailedMessagesController(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/quan-tri/tin-nhan-loi")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.ParkedMessages.AsNoTracking().OrderByDescending(p => p.LastFailedAt).Take(200).ToListAsync(cancellationToken));

    [HttpPost("/quan-tri/tin-nhan-loi/{id:long}/gui-lai")]
    public Task<IActionResult> Redeliver(long id, CancellationToken cancellationToken) => DecideAsync(id, "redeliver", row =>
    {
        row.Status = ParkedStatus.Waiting;
        row.NextAttemptAt = clock.GetUtcNow();
    }, cancellationToken);

    [HttpPost("/quan-tri/tin-nhan-loi/{id:long}/bo-qua")]
    public Task<IActionResult> Discard(long id, CancellationToken cancellationToken) => DecideAsync(id, "discard", row =>
    {
        row.Status = ParkedStatus.Discarded;
        row.NextAttemptAt = null;
    }, cancellationToken);

    private async Task<IActionResult> DecideAsync(long id, string decision, Action<ParkedMessage> apply, CancellationToken cancellationToken)
    {
        var row = await db.ParkedMessages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (row is null || row.Status is ParkedStatus.Discarded)
        {
            return NotFound();
        }

        apply(row);
        (row.DecidedBy, row.DecidedAt, row.Decision) = (User.Identity!.Name, clock.GetUtcNow(), decision);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = localizer["Đã ghi nhận quyết định."].Value;
        return Redirect("/quan-tri/tin-nhan-loi");
    }
}
