using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Api.V1;

/// <summary>
/// Public status look-up by dossier code plus either the applicant's citizen ID (as national systems do)
/// or the look-up code printed on the receipt. It reveals no personal data, answers "not found" for any
/// mismatch, and is rate limited per address.
/// </summary>
[ApiController]
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Lookup)]
[Route("api/v1/lookup")]
public sealed class LookupApiController(PortalDbContext db) : ControllerBase
{
    [HttpGet]
    public async Task<ActionResult<LookupDto>> Lookup([FromQuery] string? code, [FromQuery] string? idNumber, [FromQuery] string? secret, CancellationToken cancellationToken)
    {
        var bySecret = secret is { Length: Dossier.LookupSecretLength } && secret.All(char.IsAsciiLetterOrDigit);
        if (!DossierCode.IsValid(code) || !(CitizenId.IsValid(idNumber) || bySecret))
        {
            return NotFound();
        }

        var dossierCode = DossierCode.Parse(code);
        var query = db.Dossiers.AsNoTracking().Where(d => d.Code == dossierCode);
        if (CitizenId.IsValid(idNumber))
        {
            var citizenId = CitizenId.Parse(idNumber);
            query = query.Where(d => d.Applicant.CitizenId == citizenId);
        }
        else
        {
            var upper = secret!.ToUpperInvariant();
            query = query.Where(d => d.LookupSecret == upper);
        }

        var dossier = await query
            .Select(d => new { d.ProcedureCode, d.Status, d.FiledAt, d.DueAt, d.AppointmentAt, d.CompletedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return dossier is null
            ? NotFound()
            : new LookupDto(dossierCode.Value, dossier.ProcedureCode, Statuses.Slug(dossier.Status), dossier.FiledAt, dossier.DueAt, dossier.AppointmentAt, dossier.CompletedAt);
    }
}

public sealed record LookupDto(string Code, string ProcedureCode, string Status, DateTimeOffset FiledAt, DateTimeOffset DueAt, DateTimeOffset AppointmentAt, DateTimeOffset? CompletedAt);
