using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.Forms;

/// <summary>
/// The national forms of Circular 03/2025/TT-VPCP, rendered on demand from the history entry of the
/// step that produced them (so a form always says exactly what was decided, by whom and when).
/// </summary>
public static class NationalForms
{
    public const string ViewPath = "~/Features/Forms/NationalForm.cshtml";

    public static async Task<IActionResult> RenderAsync(Controller controller, PortalDbContext db, Dossier dossier, Guid entryId, string backUrl, CancellationToken cancellationToken)
    {
        var entry = dossier.History.FirstOrDefault(h => h.Id == entryId);
        if (entry?.Form is not { } form)
        {
            return controller.NotFound();
        }

        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Code == dossier.ProcedureCode, cancellationToken);
        var commune = await db.Communes.AsNoTracking().FirstAsync(c => c.Code == dossier.CommuneCode, cancellationToken);
        return controller.View(ViewPath, new NationalFormView(dossier, procedure, commune, entry, form, backUrl));
    }

    /// <summary>The form's title (Vietnamese; the localisation key).</summary>
    public static string Title(NationalForm form) => form switch
    {
        NationalForm.Receipt => "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        NationalForm.SupplementRequest => "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        NationalForm.Refusal => "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
        NationalForm.Apology => "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        NationalForm.StopNotice => "Phiếu dừng thực hiện thủ tục hành chính",
        _ => "Biểu mẫu",
    };
}

public sealed record NationalFormView(
    Dossier Dossier, Portal.Domain.Catalogue.Procedure Procedure, Portal.Domain.AdministrativeUnits.Commune Commune, DossierTransition Entry, NationalForm Form, string BackUrl);
