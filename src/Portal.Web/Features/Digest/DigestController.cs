using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Routing;
using Portal.Web.Authorization;
using Portal.Web.Features.Casework;

namespace Portal.Web.Features.Digest;

/// <summary>The officer's digest for today: the same content the 07:30 e-mail carries, on demand.</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class DigestController(DigestComposer composer, StaffDirectory staff) : Controller
{
    [HttpGet("/can-bo/tom-tat")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var signs = new List<ProcessingQueue>();
        foreach (var queue in User.Queues())
        {
            if (await staff.SignsForAsync(User, queue, cancellationToken))
            {
                signs.Add(queue);
            }
        }

        return View(await composer.ComposeAsync(User.Identity!.Name!, signs, cancellationToken));
    }
}
