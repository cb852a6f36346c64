using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;

namespace Portal.Web.Features.MyDossiers;

/// <summary>A citizen follows their own dossiers; another citizen's dossier is "not found", never "forbidden".</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class MyDossiersController(PortalDbContext db, IAuthorizationService authorization) : Controller
{
    [HttpGet("/ho-so-cua-toi")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => d.Applicant.UserId == userId)
            .OrderByDescending(d => d.FiledAt)
            .Take(100)
            .Select(d => new DossierSummary(d.Code, d.ProcedureCode, d.Status, d.FiledAt, d.DueAt))
            .ToListAsync(cancellationToken);
        var names = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => Format.Pick(p.NameVi, p.NameEn), cancellationToken);
        return View(new MyDossiersView(dossiers, names));
    }

    [HttpGet("/ho-so/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        if (!DossierCode.IsValid(code))
        {
            return NotFound();
        }

        var dossierCode = DossierCode.Parse(code);
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.History).FirstOrDefaultAsync(d => d.Code == dossierCode, cancellationToken);
        if (dossier is null || !(await authorization.AuthorizeAsync(User, dossier, Operations.Read)).Succeeded)
        {
            return NotFound();
        }

        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Code == dossier.ProcedureCode, cancellationToken);
        var commune = await db.Communes.AsNoTracking().FirstAsync(c => c.Code == dossier.CommuneCode, cancellationToken);
        return View(new DossierView(dossier, procedure, commune));
    }
}

public sealed record DossierSummary(DossierCode Code, string ProcedureCode, DossierStatus Status, DateTimeOffset FiledAt, DateTimeOffset DueAt);

public sealed record MyDossiersView(IReadOnlyList<DossierSummary> Dossiers, IReadOnlyDictionary<string, string> ProcedureNames);

public sealed record DossierView(Dossier Dossier, Portal.Domain.Catalogue.Procedure Procedure, Portal.Domain.AdministrativeUnits.Commune Commune);
