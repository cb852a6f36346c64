using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Infrastructure.Persistence;
using Portal.Web.Features.Filing;

namespace Portal.IntegrationTests.Support;

/// <summary>Files a dossier through the real use case, without the web form, for tests about what happens after filing.</summary>
public static class DossierFiler
{
    public static async Task<DossierCode> FileAsync(IServiceProvider services, string procedureCode, string commune, Applicant? applicant = null, FilingChannel channel = FilingChannel.Online)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var procedure = await db.Procedures.AsNoTracking().SingleAsync(p => p.Code == procedureCode);
        var fields = procedure.FormFields.ToDictionary(f => f.Key, f => f.Type switch
        {
            FormFieldType.Date => "2026-11-20",
            FormFieldType.Number => "1",
            FormFieldType.CitizenId => "038195000002",
            FormFieldType.Choice => f.Options![0],
            _ => "Giá trị thử",
        });
        return await scope.ServiceProvider.GetRequiredService<SubmitDossier>().HandleAsync(
            new SubmitDossier.Command(
                procedure, CommuneCode.Parse(commune), channel,
                applicant ?? new Applicant("test-user", CitizenId.Parse("038090000001"), "Nguyễn Văn An"), fields, Guid.NewGuid()),
            CancellationToken.None);
    }
}
