using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.PublicLookup;

/// <summary>
/// Anyone can look a dossier up with its code and the applicant's citizen ID (or the receipt's look-up
/// code), and check an electronic result by its verification code. No personal data is shown.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Lookup)]
public sealed class PublicLookupController(PortalDbContext db) : Controller
{
    [HttpGet("/tra-cuu")]
    public async Task<IActionResult> Lookup([FromQuery(Name = "ma")] string? code, [FromQuery(Name = "so-dinh-danh")] string? idNumber,
        [FromQuery(Name = "ma-tra-cuu")] string? secret, CancellationToken cancellationToken)
    {
        var form = new LookupForm(code, idNumber, secret, null, Searched: code is not null);
        if (code is null || !DossierCode.IsValid(code))
        {
            return View(form);
        }

        var dossierCode = DossierCode.Parse(code);
        var query = db.Dossiers.AsNoTracking().Where(d => d.Code == dossierCode);
        if (CitizenId.IsValid(idNumber))
        {
            var id = CitizenId.Parse(idNumber);
            query = query.Where(d => d.Applicant.CitizenId == id);
        }
        else if (secret is { Length: Dossier.LookupSecretLength } && secret.All(char.IsAsciiLetterOrDigit))
        {
            var upper = secret.ToUpperInvariant();
            query = query.Where(d => d.LookupSecret == upper);
        }
        else
        {
            return View(form);
        }

        var found = await query.Select(d => new LookupResult(d.Code, d.ProcedureCode, d.Status, d.FiledAt, d.AppointmentAt, d.Timeliness)).FirstOrDefaultAsync(cancellationToken);
        if (found is not null)
        {
            var name = await db.Procedures.AsNoTracking().Where(p => p.Code == found.ProcedureCode).Select(p => Format.Pick(p.NameVi, p.NameEn)).FirstAsync(cancellationToken);
            found = found with { ProcedureCode = name };
        }

        return View(form with { Result = found });
    }

    [HttpGet("/kiem-tra/{verificationCode}")]
    public async Task<IActionResult> Verify(string verificationCode, CancellationToken cancellationToken)
    {
        var code = verificationCode.ToUpperInvariant();
        var result = await db.DossierResults.AsNoTracking()
            .Where(r => r.VerificationCode == code)
            .Join(db.Dossiers, r => r.DossierId, d => d.Id, (r, d) => new VerifiedResult(d.Code, d.ProcedureCode, r.IssuedAt, d.Outcome))
            .FirstOrDefaultAsync(cancellationToken);
        Response.StatusCode = result is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        return View(result);
    }
}

public sealed record LookupForm(string? Code, string? IdNumber, string? Secret, LookupResult? Result, bool Searched);

public sealed record LookupResult(DossierCode Code, string ProcedureCode, DossierStatus Status, DateTimeOffset FiledAt, DateTimeOffset DueAt, Timeliness? Timeliness);

public sealed record VerifiedResult(DossierCode Code, string ProcedureCode, DateTimeOffset IssuedAt, ProcessingOutcome? Outcome);
