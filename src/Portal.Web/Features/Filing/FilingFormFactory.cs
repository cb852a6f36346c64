using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.Filing;

/// <summary>Loads what a filing form needs and prefills it from the profile ("no repeated declarations").</summary>
public sealed class FilingFormFactory(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public Task<Procedure?> FindProcedureAsync(string code, CancellationToken cancellationToken) =>
        db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, cancellationToken);

    /// <summary>A draft of this user's for this procedure, as the form posted it.</summary>
    public async Task<FilingInput?> DraftAsync(Guid id, string userId, string procedureCode, CancellationToken cancellationToken)
    {
        var draft = await db.DossierDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.UserId == userId && d.ProcedureCode == procedureCode, cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var input = System.Text.Json.JsonSerializer.Deserialize<FilingInput>(draft.Input) ?? new FilingInput();
        input.DraftId = draft.Id;
        input.Consent = false;
        return input;
    }

    public async Task<FilingForm> CreateAsync(Procedure procedure, PortalUser applicant, FilingInput? posted, CancellationToken cancellationToken)
    {
        var communes = await db.Communes.AsNoTracking().Where(c => c.SuccessorCode == null).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var rules = await db.FeeRules.AsNoTracking().ToListAsync(cancellationToken);
        var input = posted ?? new FilingInput
        {
            CommuneCode = applicant.ResidenceCommuneCode,
            ClientRequestId = Guid.NewGuid(),
            Fields = procedure.FormFields.ToDictionary(f => f.Key, f => ProfileValue(applicant, f.ProfileSource)),
        };
        var context = new FeeContext(
            FilingChannel.Online, VietnamTime.LocalDate(clock.GetUtcNow()),
            input.ApplicantCategories.Where(ApplicantCategories.All.Contains).ToHashSet(),
            SubmitDossier.Normalise(procedure, input.Fields));
        var fee = FeeAssessor.Assess(procedure, context, rules);
        var results = await db.DossierResults.AsNoTracking()
            .Join(db.Dossiers.Where(d => d.Applicant.UserId == applicant.Id), r => r.DossierId, d => d.Id, (r, d) => new { r.DossierId, d.Code, d.ProcedureCode, r.IssuedAt })
            .OrderByDescending(r => r.IssuedAt).Take(20).ToListAsync(cancellationToken);
        var names = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => Format.Pick(p.NameVi, p.NameEn), cancellationToken);
        return new FilingForm
        {
            Procedure = procedure, Applicant = applicant, Communes = communes, Fee = fee, Input = input,
            ReusableResults = [.. results.Select(r => new ReusableResult(r.DossierId, r.Code.Value, names.GetValueOrDefault(r.ProcedureCode, r.ProcedureCode), r.IssuedAt))],
        };
    }

    public Task<PortalUser?> CurrentUserAsync(System.Security.Claims.ClaimsPrincipal principal) => users.GetUserAsync(principal);

    private static string? ProfileValue(PortalUser user, string? source) => source switch
    {
        "FullName" => user.FullName,
        "DateOfBirth" => user.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        "ResidenceAddress" => user.ResidenceAddress,
        _ => null,
    };
}
