using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.AdministrativeUnits;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;

namespace Portal.Web.Features.Units;

/// <summary>Administrators record a merger of communes (open dossiers move to the successor in one batch) or transfer one dossier; both audited.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UnitsController(PortalDbContext db, UnitChanges changes, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/quan-tri/don-vi")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await ViewAsync(cancellationToken));

    [HttpPost("/quan-tri/don-vi/sap-nhap")]
    public async Task<IActionResult> Merge(string? merged, string? successor, CancellationToken cancellationToken)
    {
        if (!CommuneCode.IsValid(merged) || !CommuneCode.IsValid(successor) || merged == successor
            || !await db.Communes.AnyAsync(c => c.Code == CommuneCode.Parse(merged) && c.SuccessorCode == null, cancellationToken)
            || !await db.Communes.AnyAsync(c => c.Code == CommuneCode.Parse(successor) && c.SuccessorCode == null, cancellationToken))
        {
            return await InvalidAsync(localizer["Chọn hai xã, phường khác nhau đang còn hoạt động."], cancellationToken);
        }

        var moved = await changes.MergeAsync(CommuneCode.Parse(merged), CommuneCode.Parse(successor), User.Identity!.Name!, cancellationToken);
        TempData["Message"] = localizer["Đã sáp nhập; {0} hồ sơ đang xử lý chuyển sang đơn vị kế thừa.", moved].Value;
        return Redirect("/quan-tri/don-vi");
    }

    [HttpPost("/quan-tri/don-vi/chuyen-ho-so")]
    public async Task<IActionResult> Transfer(string? code, string? to, string? reason, CancellationToken cancellationToken)
    {
        if (!DossierCode.IsValid(code) || !CommuneCode.IsValid(to) || string.IsNullOrWhiteSpace(reason) || reason.Length > DossierTransition.ReasonMaxLength)
        {
            return await InvalidAsync(localizer["Nhập mã hồ sơ, xã, phường nhận và lý do (tối đa 1000 ký tự)."], cancellationToken);
        }

        if (!await changes.TransferAsync(DossierCode.Parse(code), CommuneCode.Parse(to), User.Identity!.Name!, reason.Trim(), cancellationToken))
        {
            return await InvalidAsync(localizer["Không tìm thấy hồ sơ hoặc xã, phường nhận."], cancellationToken);
        }

        TempData["Message"] = localizer["Đã chuyển hồ sơ {0}.", code!].Value;
        return Redirect("/quan-tri/don-vi");
    }

    private async Task<IActionResult> InvalidAsync(string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await ViewAsync(cancellationToken));
    }

    private async Task<UnitsView> ViewAsync(CancellationToken cancellationToken) => new(
        await CommuneOptions.ActiveAsync(db, cancellationToken),
        await db.UnitChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken));
}

public sealed record UnitsView(IReadOnlyList<CommuneOption> Communes, IReadOnlyList<UnitChange> Changes);
