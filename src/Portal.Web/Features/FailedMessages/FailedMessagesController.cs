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
public sealed class FailedMessagesController(UnitOfWork unitOfWork, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    private PortalDbContext db => unitOfWork.Db;

    [HttpGet("/quan-tri/tin-nhan-loi")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var parked = await db.ParkedMessages.AsNoTracking().OrderByDescending(p => p.LastFailedAt).Take(200).ToListAsync(cancellationToken);
        var ids = parked.Select(p => p.Id).ToList();
        var decisions = (await db.ParkedMessageDecisions.AsNoTracking().Where(d => ids.Contains(d.ParkedMessageId)).OrderBy(d => d.Id).ToListAsync(cancellationToken))
            .ToLookup(d => d.ParkedMessageId);
        return View(new FailedMessagesView(parked, decisions));
    }

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
        var decided = await unitOfWork.ExecuteAsync(
            async ct =>
            {
                var row = await db.ParkedMessages.FirstOrDefaultAsync(p => p.Id == id, ct);
                if (row is null || row.Status is ParkedStatus.Discarded)
                {
                    return false;
                }

                var (actor, now) = (User.Identity!.Name!, clock.GetUtcNow());
                db.ParkedMessageDecisions.Add(new ParkedMessageDecision { ParkedMessageId = row.Id, MessageId = row.MessageId, Decision = decision, StatusBefore = row.Status, Actor = actor, At = now });
                apply(row);
                (row.DecidedBy, row.DecidedAt, row.Decision) = (actor, now, decision);
                return true;
            },
            cancellationToken);
        if (!decided)
        {
            return NotFound();
        }

        TempData["Message"] = localizer["Đã ghi nhận quyết định."].Value;
        return Redirect("/quan-tri/tin-nhan-loi");
    }
}

public sealed record FailedMessagesView(IReadOnlyList<ParkedMessage> Messages, ILookup<long, ParkedMessageDecision> Decisions);
