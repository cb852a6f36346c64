using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.Notifications;

/// <summary>The citizen's notices: every status change of their dossiers. Opening the page marks them read.</summary>
public sealed class NotificationsController(PortalDbContext db, IWriteGate writeGate, TimeProvider clock) : Controller
{
    [HttpGet("/thong-bao")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var notices = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(100).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        }

        return View(notices);
    }
}
