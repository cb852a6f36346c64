using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Infrastructure.Persistence;
using Portal.Web.Infrastructure;

namespace Portal.Web.Api.V1;

/// <summary>
/// Public status look-up by dossier code plus the applicant's citizen ID, as national systems do. It
/// reveals no personal data, answers "not found" for any mismatch, and is rate limited per address.
/// </summary>
[ApiController]
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Lookup)]
[Route("api/v1/lookup")]
public sealed class LookupApiController(PortalDbContext db) : ControllerBase
{
    [HttpGet]
    public async Task<ActionResult<LookupDto>> Lookup([FromQuery] string? code, [FromQuery] string? idNumber, CancellationToken cancellationToken)
    {
        if (!DossierCode.IsValid(code) || !CitizenId.IsValid(idNumber))
        {
            return NotFound();
        }

        var dossierCode = DossierCode.Parse(code);
        var citizenId = CitizenId.Parse(idNumber);
        var dossier = await db.Dossiers.AsNoTracking()
            .Where(d => d.Code == dossierCode && d.Applicant.CitizenId == citizenId)
            .Select(d => new { d.ProcedureCode, d.Status, d.FiledAt, d.DueAt, d.CompletedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return dossier is null
            ? NotFound()
            : new LookupDto(dossierCode.Value, dossier.ProcedureCode, Statuses.Slug(dossier.Status), dossier.FiledAt, dossier.DueAt, dossier.CompletedAt);
    }
}

public sealed record LookupDto(string Code, string ProcedureCode, string Status, DateTimeOffset FiledAt, DateTimeOffset DueAt, DateTimeOffset? CompletedAt);
