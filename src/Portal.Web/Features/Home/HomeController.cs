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
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        var procedures = await db.Procedures.AsNoTracking().OrderBy(p => p.Agency).ThenBy(p => p.FieldCode).ThenBy(p => p.Code).ToListAsync(cancellationToken);
        var query = Text.Truncate(q?.Trim() ?? string.Empty, MaxQueryLength);

        if (query.Length > 0)
        {
            var folded = Text.Fold(query);
            procedures = [.. procedures.Where(p => Text.Fold(p.NameVi).Contains(folded, StringComparison.Ordinal)
                || p.NameEn.Contains(query, StringComparison.OrdinalIgnoreCase)
                || p.Code.Contains(query, StringComparison.Ordinal))];
        }

        return View(new CatalogueView(query, procedures));
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

public sealed record CatalogueView(string Query, IReadOnlyList<Procedure> Procedures);

public sealed record ProcedureView(Procedure Procedure, FeeAssessment Online, FeeAssessment Direct);
