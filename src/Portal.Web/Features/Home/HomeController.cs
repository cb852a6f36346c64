using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(PortalDbContext db, TimeProvider clock) : Controller
{
    public const int MaxQueryLength = 100;

    [HttpGet("/")]
    public async Task<IActionResult> Index(string? q, [FromQuery(Name = "linh-vuc")] string? field, [FromQuery(Name = "co-quan")] string? agency, CancellationToken cancellationToken)
    {
        var all = await db.Procedures.AsNoTracking().OrderBy(p => p.Agency).ThenBy(p => p.FieldCode).ThenBy(p => p.Code).ToListAsync(cancellationToken);
        var fields = all.GroupBy(p => p.FieldCode).Select(g => (g.Key, Format.Pick(g.First().FieldNameVi, g.First().FieldNameEn))).ToList();
        var procedures = all
            .Where(p => field is null || p.FieldCode == field)
            .Where(p => agency is null || Portal.Domain.Routing.ProcessingQueue.AgencySlug(p.Agency) == agency)
            .ToList();
        var query = Text.Truncate(q?.Trim() ?? string.Empty, MaxQueryLength);

        if (query.Length > 0)
        {
            var folded = Text.Fold(query);
            procedures = [.. procedures.Where(p => Text.Fold(p.NameVi).Contains(folded, StringComparison.Ordinal)
                || p.NameEn.Contains(query, StringComparison.OrdinalIgnoreCase)
                || p.Code.Contains(query, StringComparison.Ordinal))];
        }

        return View(new CatalogueView(query, procedures, fields, field, agency));
    }

    [HttpGet("/thu-tuc/{code}")]
    public async Task<IActionResult> Procedure(string code, CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (procedure is null)
        {
            return NotFound();
        }

        var rules = await db.FeeRules.AsNoTracking().ToListAsync(cancellationToken);
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        return View(new ProcedureView(
            procedure,
            FeeAssessor.Assess(procedure, FilingChannel.Online, today, rules),
            FeeAssessor.Assess(procedure, FilingChannel.Direct, today, rules)));
    }
}

public sealed record CatalogueView(
    string Query, IReadOnlyList<Procedure> Procedures, IReadOnlyList<(string Code, string Name)> Fields, string? Field, string? Agency);

public sealed record ProcedureView(Procedure Procedure, FeeAssessment Online, FeeAssessment Direct);
