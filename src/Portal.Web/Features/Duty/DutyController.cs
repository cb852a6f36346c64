using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Calendar;
using Portal.Domain.Routing;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;
using Portal.Web.Features.Casework;

namespace Portal.Web.Features.Duty;

/// <summary>
/// A leader's duty roster for their queue(s): officers' leave (automatic assignment passes them over)
/// and the leader's own delegation of signing while away.
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class DutyController(PortalDbContext db, UnitOfWork unitOfWork, StaffDirectory staff, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    public const int MaxDays = 180;

    [HttpGet("/can-bo/lich-truc")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var queues = LedQueues();
        if (queues.Count == 0)
        {
            return Forbid();
        }

        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var rosters = new List<QueueRoster>();
        foreach (var queue in queues)
        {
            var officers = await staff.OfficersOfAsync(queue, cancellationToken);
            var names = officers.Select(o => o.UserName).ToList();
            var leaves = await db.StaffLeaves.AsNoTracking().Where(l => names.Contains(l.UserName) && l.To >= today).OrderBy(l => l.From).ToListAsync(cancellationToken);
            var name = queue.Name;
            var delegations = await db.LeaderDelegations.AsNoTracking().Where(d => d.QueueName == name && d.RevokedAt == null && d.To >= today).OrderBy(d => d.From).ToListAsync(cancellationToken);
            rosters.Add(new QueueRoster(queue, officers, leaves, delegations));
        }

        return View(new DutyView(rosters, today));
    }

    [HttpPost("/can-bo/lich-truc/nghi")]
    public Task<IActionResult> Leave(DutyInput input, CancellationToken cancellationToken) =>
        SaveAsync(input, (queue, from, to, reason) =>
        {
            db.StaffLeaves.Add(new StaffLeave { UserName = input.Officer!, From = from, To = to, Reason = reason });
            return localizer["Đã ghi lịch nghỉ của {0} từ {1} đến {2}.", input.Officer!, Format.Date(from), Format.Date(to)].Value;
        }, cancellationToken);

    [HttpPost("/can-bo/lich-truc/uy-quyen")]
    public Task<IActionResult> Delegate(DutyInput input, CancellationToken cancellationToken) =>
        SaveAsync(input, (queue, from, to, reason) =>
        {
            db.LeaderDelegations.Add(new LeaderDelegation
            {
                LeaderUserName = User.Identity!.Name!, DelegateUserName = input.Officer!, QueueName = queue.Name, From = from, To = to, Reason = reason,
                CreatedAt = clock.GetUtcNow(),
            });
            return localizer["Đã ủy quyền ký duyệt cho {0} từ {1} đến {2}.", input.Officer!, Format.Date(from), Format.Date(to)].Value;
        }, cancellationToken);

    [HttpPost("/can-bo/lich-truc/uy-quyen/{id:guid}/thu-hoi")]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken)
    {
        var queues = LedQueues().Select(q => q.Name).ToList();
        var revoked = await unitOfWork.ExecuteAsync(
            async ct =>
            {
                var delegation = await db.LeaderDelegations.FirstOrDefaultAsync(d => d.Id == id && queues.Contains(d.QueueName) && d.RevokedAt == null, ct);
                if (delegation is null)
                {
                    return false;
                }

                delegation.RevokedAt = clock.GetUtcNow();
                return true;
            },
            cancellationToken);
        if (!revoked)
        {
            return NotFound();
        }

        TempData["Message"] = localizer["Đã thu hồi ủy quyền."].Value;
        return Redirect("/can-bo/lich-truc");
    }

    private async Task<IActionResult> SaveAsync(DutyInput input, Func<ProcessingQueue, DateOnly, DateOnly, string, string> add, CancellationToken cancellationToken)
    {
        var queue = LedQueues().FirstOrDefault(q => q.Name == input.Queue);
        if (queue == default)
        {
            return LedQueues().Count == 0 ? Forbid() : NotFound();
        }

        var errors = new List<string>();
        var officers = await staff.OfficersOfAsync(queue, cancellationToken);
        if (officers.All(o => o.UserName != input.Officer))
        {
            errors.Add(localizer["Vui lòng chọn một cán bộ của hàng đợi này."]);
        }

        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var from = Format.ParseDay(input.From);
        var to = Format.ParseDay(input.To);
        if (from is null || to is null)
        {
            errors.Add(localizer["Vui lòng nhập ngày bắt đầu và ngày kết thúc (dd/MM/yyyy)."]);
        }
        else if (to < from || to < today || to.Value.DayNumber - from.Value.DayNumber > MaxDays || from < today.AddDays(-30))
        {
            errors.Add(localizer["Khoảng thời gian không hợp lệ: ngày kết thúc không trước ngày bắt đầu hay hôm nay, tối đa {0} ngày.", MaxDays]);
        }

        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > StaffLeave.ReasonMaxLength)
        {
            errors.Add(localizer["Vui lòng nêu lý do (tối đa {0} ký tự).", StaffLeave.ReasonMaxLength]);
        }

        if (errors.Count > 0)
        {
            TempData["Error"] = string.Join(" ", errors);
            return Redirect("/can-bo/lich-truc");
        }

        var message = await unitOfWork.ExecuteAsync(_ => Task.FromResult(add(queue, from!.Value, to!.Value, reason!)), cancellationToken);
        TempData["Message"] = message;
        return Redirect("/can-bo/lich-truc");
    }

    /// <summary>The queues this person leads (their own leader role for the agency, not a delegation).</summary>
    private IReadOnlyList<ProcessingQueue> LedQueues() =>
        [.. User.Queues().Where(q => User.IsInRole(StaffDirectory.LeaderRole(q.Agency)))];
}

public sealed class DutyInput
{
    public string? Queue { get; set; }

    public string? Officer { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Reason { get; set; }
}

public sealed record QueueRoster(ProcessingQueue Queue, IReadOnlyList<StaffMember> Officers, IReadOnlyList<StaffLeave> Leaves, IReadOnlyList<LeaderDelegation> Delegations);

public sealed record DutyView(IReadOnlyList<QueueRoster> Rosters, DateOnly Today);
