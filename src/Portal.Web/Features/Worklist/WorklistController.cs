using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Calendar;
using Portal.Domain.Dossiers;
using Portal.Domain.Routing;
using Portal.Domain.Worklists;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;
using Portal.Web.Authorization;
using Portal.Web.Features.Casework;

namespace Portal.Web.Features.Worklist;

/// <summary>
/// An officer's view of one processing queue: late first, then the nearest due date; tabs with counts
/// (all, mine, unassigned, late, due soon, awaiting signature), filters, a search that ignores case and
/// diacritics, and keyset paging on (due date, dossier id). Reads only the worklist table and its indexes.
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class WorklistController(
    PortalDbContext db, IAuthorizationService authorization, WorkingCalendarProvider calendars, TimeProvider clock,
    StaffDirectory staff, UnitOfWork unitOfWork, IStringLocalizer<SharedResource> localizer) : Controller
{
    public const int PageSize = 50;

    public const int MaxAutoAssign = 500;

    public static readonly IReadOnlyList<string> Tabs = ["all", "mine", "unassigned", "late", "soon", "sign"];

    [HttpGet("/can-bo/hang-doi")]
    public async Task<IActionResult> Index([FromQuery] WorklistQuery query, CancellationToken cancellationToken)
    {
        var queues = User.Queues();
        if (queues.Count == 0)
        {
            return Forbid();
        }

        var selected = query.Queue is null ? queues[0] : queues.FirstOrDefault(q => q.Name == query.Queue);
        if (selected == default || !(await authorization.AuthorizeAsync(User, selected, Operations.Read)).Succeeded)
        {
            // A queue the officer does not serve is reported as missing, revealing nothing about it.
            return NotFound();
        }

        var tab = Tabs.Contains(query.Tab ?? "all") ? query.Tab ?? "all" : "all";
        var calendar = await calendars.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var soon = VietnamTime.AtLocal(calendar.AddWorkingDays(VietnamTime.LocalDate(now), 1), calendar.OfficeClose);
        var me = User.Identity!.Name!;
        var name = selected.Name;
        var inQueue = db.WorklistItems.AsNoTracking().Where(w => w.QueueName == name);

        var counts = new Dictionary<string, int>
        {
            ["all"] = await inQueue.CountAsync(cancellationToken),
            ["mine"] = await inQueue.CountAsync(w => w.AssignedTo == me, cancellationToken),
            ["unassigned"] = await inQueue.CountAsync(w => w.AssignedTo == null, cancellationToken),
            ["late"] = await inQueue.CountAsync(w => w.DueAt < now && w.Status != DossierStatus.Processed, cancellationToken),
            ["soon"] = await inQueue.CountAsync(w => w.DueAt >= now && w.DueAt <= soon && w.Status != DossierStatus.Processed, cancellationToken),
            ["sign"] = await inQueue.CountAsync(w => w.AwaitingSignature, cancellationToken),
        };

        var filtered = tab switch
        {
            "mine" => inQueue.Where(w => w.AssignedTo == me),
            "unassigned" => inQueue.Where(w => w.AssignedTo == null),
            "late" => inQueue.Where(w => w.DueAt < now && w.Status != DossierStatus.Processed),
            "soon" => inQueue.Where(w => w.DueAt >= now && w.DueAt <= soon && w.Status != DossierStatus.Processed),
            "sign" => inQueue.Where(w => w.AwaitingSignature),
            _ => inQueue,
        };
        if (!string.IsNullOrWhiteSpace(query.Procedure))
        {
            filtered = filtered.Where(w => w.ProcedureCode == query.Procedure);
        }

        if (query.Status is { } status && Enum.IsDefined(status))
        {
            filtered = filtered.Where(w => w.Status == status);
        }

        if (query.DueWithin is >= 0 and <= 60)
        {
            var limit = VietnamTime.AtLocal(calendar.AddWorkingDays(VietnamTime.LocalDate(now), query.DueWithin.Value), calendar.OfficeClose);
            filtered = filtered.Where(w => w.DueAt <= limit);
        }

        // Every word must appear (in any order): "an 0002" finds Nguyễn Văn An's dossier ...-0002.
        var search = string.IsNullOrWhiteSpace(query.Q) ? null : Text.Truncate(Text.Fold(query.Q.Trim()), WorklistItem.SearchKeyMaxLength);
        foreach (var word in (search ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(6))
        {
            filtered = filtered.Where(w => w.SearchKey.Contains(word));
        }

        var filteredCount = tab == "all" && query.Procedure is null && query.Status is null && query.DueWithin is null && search is null
            ? counts["all"]
            : await filtered.CountAsync(cancellationToken);

        // Keyset paging: the page after (due date, id), never OFFSET.
        if (WorklistCursor.TryParse(query.After, out var after))
        {
            filtered = filtered.Where(w => w.DueAt > after.DueAt || (w.DueAt == after.DueAt && string.Compare(w.DossierCode, after.DossierCode) > 0));
        }

        var items = await filtered
            .OrderBy(w => w.DueAt).ThenBy(w => w.DossierCode)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        var next = items.Count > PageSize ? WorklistCursor.Of(items[PageSize - 1]) : null;
        if (items.Count > PageSize)
        {
            items.RemoveAt(PageSize);
        }

        var communeCodes = queues.Select(q => q.Commune).ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => communeCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.FullName, cancellationToken);
        var procedures = await db.Procedures.AsNoTracking()
            .Where(p => p.Agency == selected.Agency)
            .OrderBy(p => p.NameVi)
            .ToDictionaryAsync(p => p.Code, p => Format.Pick(p.NameVi, p.NameEn), cancellationToken);
        return View(new WorklistView(
            queues, selected, items, filteredCount, communes.ToDictionary(c => c.Key.Value, c => c.Value), procedures,
            tab, counts, query, next, now, soon, await staff.SignsForAsync(User, selected, cancellationToken)));
    }

    /// <summary>A leader spreads the queue's unassigned dossiers over the officers on duty, fewest open dossiers first.</summary>
    [HttpPost("/can-bo/hang-doi/phan-cong-tu-dong")]
    public async Task<IActionResult> AutoAssign(string? queue, CancellationToken cancellationToken)
    {
        var selected = User.Queues().FirstOrDefault(q => q.Name == queue);
        if (selected == default)
        {
            return NotFound();
        }

        if (!await staff.SignsForAsync(User, selected, cancellationToken))
        {
            return Forbid();
        }

        var assigned = await unitOfWork.ExecuteAsync(
            async ct =>
            {
                var name = selected.Name;
                var ids = await db.WorklistItems.AsNoTracking()
                    .Where(w => w.QueueName == name && w.AssignedTo == null && w.Status != DossierStatus.Processed)
                    .OrderBy(w => w.DueAt).ThenBy(w => w.DossierCode)
                    .Select(w => w.DossierId)
                    .Take(MaxAutoAssign)
                    .ToListAsync(ct);
                var dossiers = await db.Dossiers.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
                var pending = new Dictionary<string, int>(StringComparer.Ordinal);
                var system = new ActorRef(CaseworkController.SystemActor, "System", selected.Commune.Value);
                var now = clock.GetUtcNow();
                foreach (var dossier in dossiers.OrderBy(d => d.DueAt).ThenBy(d => d.Id))
                {
                    if (await staff.PickLeastLoadedAsync(selected, pending, ct) is not { } officer)
                    {
                        break;
                    }

                    dossier.Assign(officer, system, now);
                    pending[officer] = pending.GetValueOrDefault(officer) + 1;
                }

                return pending.Values.Sum();
            },
            cancellationToken);
        TempData["Message"] = assigned == 0
            ? localizer["Không có hồ sơ nào được phân công (không còn hồ sơ chưa phân công, hoặc không có cán bộ đang làm việc)."].Value
            : localizer["Đã phân công tự động {0} hồ sơ.", assigned].Value;
        return Redirect($"/can-bo/hang-doi?queue={selected.Name}");
    }
}

/// <summary>What the worklist page is asked for.</summary>
public sealed class WorklistQuery
{
    public string? Queue { get; set; }

    public string? Tab { get; set; }

    public string? Procedure { get; set; }

    public DossierStatus? Status { get; set; }

    /// <summary>Due within this many working days (0 = due today or late).</summary>
    public int? DueWithin { get; set; }

    /// <summary>Dossier code, applicant name or citizen ID; case and diacritics ignored.</summary>
    public string? Q { get; set; }

    /// <summary>The keyset cursor of the previous page's last row.</summary>
    public string? After { get; set; }
}

/// <summary>The position of a worklist row in the worklist's order: due date (UTC ticks) and dossier code (unique).</summary>
public readonly record struct WorklistCursor(DateTimeOffset DueAt, string DossierCode)
{
    public static string Of(WorklistItem item) => $"{item.DueAt.UtcTicks}_{item.DossierCode}";

    public static bool TryParse(string? text, out WorklistCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('_');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || !Portal.Domain.Dossiers.DossierCode.IsValid(parts[1]))
        {
            return false;
        }

        cursor = new WorklistCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
        return true;
    }
}

public sealed record WorklistView(
    IReadOnlyList<ProcessingQueue> Queues,
    ProcessingQueue Selected,
    IReadOnlyList<WorklistItem> Items,
    int Total,
    IReadOnlyDictionary<string, string> CommuneNames,
    IReadOnlyDictionary<string, string> ProcedureNames,
    string Tab,
    IReadOnlyDictionary<string, int> Counts,
    WorklistQuery Query,
    string? Next,
    DateTimeOffset Now,
    DateTimeOffset Soon,
    bool IsLeader);
