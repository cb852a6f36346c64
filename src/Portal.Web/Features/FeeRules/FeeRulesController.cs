using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Calendar;
using Portal.Domain.Fees;
using Portal.Infrastructure.Fees;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;

namespace Portal.Web.Features.FeeRules;

/// <summary>
/// Administrators list, create, edit and retire fee rules; every change is audited (who, when, before,
/// after) and can be previewed first. Saved changes apply to new filings only: frozen assessments stay.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class FeeRulesController(PortalDbContext db, FeeRuleImpact impact, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    private static readonly JsonSerializerOptions SnapshotOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    [HttpGet("/quan-tri/quy-tac-phi")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rules = await db.FeeRules.AsNoTracking().OrderByDescending(r => r.EffectiveFrom).ToListAsync(cancellationToken);
        return View(new FeeRuleList(rules, VietnamTime.LocalDate(clock.GetUtcNow())));
    }

    [HttpGet("/quan-tri/quy-tac-phi/moi")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormAsync(null, new FeeRuleInput { EffectiveFrom = VietnamTime.LocalDate(clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, null, cancellationToken));

    [HttpGet("/quan-tri/quy-tac-phi/{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await db.FeeRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } rule
            ? View(await FormAsync(id, FeeRuleInput.From(rule), null, cancellationToken))
            : NotFound();

    [HttpPost("/quan-tri/quy-tac-phi/moi")]
    public Task<IActionResult> Create(FeeRuleInput input, string? action, CancellationToken cancellationToken) => SaveAsync(null, input, action, cancellationToken);

    [HttpPost("/quan-tri/quy-tac-phi/{id:guid}")]
    public Task<IActionResult> Edit(Guid id, FeeRuleInput input, string? action, CancellationToken cancellationToken) => SaveAsync(id, input, action, cancellationToken);

    [HttpPost("/quan-tri/quy-tac-phi/{id:guid}/ngung")]
    public async Task<IActionResult> Retire(Guid id, int? version, CancellationToken cancellationToken)
    {
        if (await db.FeeRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } rule)
        {
            return NotFound();
        }

        // Retiring again would move the date forward; retiring what someone has just changed would hide their change.
        if (rule.RetiredOn is not null || version is { } seen && seen != rule.Version)
        {
            TempData["Error"] = (rule.RetiredOn is not null
                ? localizer["Quy tắc này đã ngừng áp dụng."]
                : localizer["Quy tắc vừa được người khác sửa. Vui lòng tải lại trang."]).Value;
            return RedirectToAction(nameof(Index));
        }

        var before = Snapshot(rule);
        rule.Retire(VietnamTime.LocalDate(clock.GetUtcNow()));
        Audit(rule, FeeRuleChangeKind.Retired, before);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = localizer["Đã ngừng áp dụng quy tắc từ hôm nay."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("/quan-tri/quy-tac-phi/{id:guid}/lich-su")]
    public async Task<IActionResult> History(Guid id, CancellationToken cancellationToken)
    {
        var rule = await db.FeeRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return rule is null
            ? NotFound()
            : View(new FeeRuleHistory(rule, await db.FeeRuleChanges.AsNoTracking().Where(c => c.RuleId == id).OrderByDescending(c => c.Id).ToListAsync(cancellationToken)));
    }

    private async Task<IActionResult> SaveAsync(Guid? id, FeeRuleInput input, string? action, CancellationToken cancellationToken)
    {
        var existing = id is null ? null : await db.FeeRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (id is not null && existing is null)
        {
            return NotFound();
        }

        var procedures = await db.Procedures.AsNoTracking().Select(p => new { p.Code, p.FieldCode }).ToListAsync(cancellationToken);
        var validation = await new FeeRuleInputValidator(
            procedures.Select(p => p.Code).ToHashSet(), procedures.Select(p => p.FieldCode).ToHashSet(), localizer).ValidateAsync(input, cancellationToken);
        ModelState.ReplaceWith(validation);

        if (existing is not null && input.Version != existing.Version)
        {
            ModelState.AddModelError(nameof(input.Version), localizer["Quy tắc vừa được người khác sửa. Vui lòng tải lại trang."]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await FormAsync(id, input, null, cancellationToken));
        }

        var draft = existing is null
            ? input.ToRule(Guid.CreateVersion7(clock.GetUtcNow()))
            : existing.Draft(input.Name!.Trim(), input.LegalBasis(), FeeRuleInput.ParseDate(input.EffectiveFrom)!.Value,
                FeeRuleInput.ParseDate(input.EffectiveTo), input.Scope(), input.Effect());
        if (action == "preview")
        {
            return View("Edit", await FormAsync(id, input, await impact.PreviewAsync(draft, cancellationToken), cancellationToken));
        }

        if (existing is null)
        {
            db.FeeRules.Add(draft);
            Audit(draft, FeeRuleChangeKind.Created, null);
        }
        else
        {
            var before = Snapshot(existing);
            existing.Change(draft.Name, draft.LegalBasis, draft.EffectiveFrom, draft.EffectiveTo, draft.Scope, draft.Effect);
            Audit(existing, FeeRuleChangeKind.Updated, before);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(input.Version), localizer["Quy tắc vừa được người khác sửa. Vui lòng tải lại trang."]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Edit", await FormAsync(id, input, null, cancellationToken));
        }

        TempData["Message"] = localizer["Đã lưu quy tắc. Hồ sơ đã nộp giữ nguyên mức phí đã tính."].Value;
        return RedirectToAction(nameof(Index));
    }

    private void Audit(FeeRule rule, FeeRuleChangeKind kind, string? before) => db.FeeRuleChanges.Add(new FeeRuleChange
    {
        RuleId = rule.Id,
        Kind = kind,
        Actor = User.Identity?.Name ?? "?",
        At = clock.GetUtcNow(),
        Before = before,
        After = Snapshot(rule),
    });

    private static string Snapshot(FeeRule rule) =>
        JsonSerializer.Serialize(new { Input = FeeRuleInput.From(rule), rule.RetiredOn }, SnapshotOptions);

    private async Task<FeeRuleForm> FormAsync(Guid? id, FeeRuleInput input, ImpactPreview? preview, CancellationToken cancellationToken)
    {
        var procedures = await db.Procedures.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken);
        return new FeeRuleForm(id, input, procedures, preview);
    }
}

public sealed record FeeRuleList(IReadOnlyList<FeeRule> Rules, DateOnly Today);

public sealed record FeeRuleForm(Guid? Id, FeeRuleInput Input, IReadOnlyList<Portal.Domain.Catalogue.Procedure> Procedures, ImpactPreview? Preview);

public sealed record FeeRuleHistory(FeeRule Rule, IReadOnlyList<FeeRuleChange> Changes);
