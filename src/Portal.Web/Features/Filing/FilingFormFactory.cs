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
        return new FilingForm { Procedure = procedure, Applicant = applicant, Communes = communes, Fee = fee, Input = input };
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
