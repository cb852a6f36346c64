using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.Fees;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;

namespace Portal.Web.Features.Filing;

/// <summary>
/// File a dossier: assess its fee under the rules in force today, give it the next code of the
/// receiving commune, store it and its "submitted" message in one transaction.
/// </summary>
public sealed class SubmitDossier(UnitOfWork unitOfWork, WorkingCalendarProvider calendars, TimeProvider clock)
{
    private const string SecretAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public sealed record Command(
        Procedure Procedure, CommuneCode ReceivingCommune, FilingChannel Channel, Applicant Applicant,
        IReadOnlyDictionary<string, string> FormData, Guid ClientRequestId);

    public async Task<DossierCode> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var db = unitOfWork.Db;
        return await unitOfWork.ExecuteAsync(
            async ct =>
            {
                var existing = await db.Dossiers.AsNoTracking()
                    .Where(d => d.ClientRequestId == command.ClientRequestId)
                    .Select(d => (DossierCode?)d.Code)
                    .FirstOrDefaultAsync(ct);
                if (existing is { } alreadyFiled)
                {
                    return alreadyFiled;
                }

                var now = clock.GetUtcNow();
                var today = VietnamTime.LocalDate(now);
                var rules = await db.FeeRules.AsNoTracking().ToListAsync(ct);
                var fee = FeeAssessor.Assess(command.Procedure, command.Channel, today, rules);
                var code = await DossierCodeAllocator.NextAsync(db, command.ReceivingCommune, today, ct);
                var dossier = Dossier.File(
                    new FilingDetails(
                        Guid.CreateVersion7(now), code, RandomNumberGenerator.GetString(SecretAlphabet, Dossier.LookupSecretLength),
                        command.Procedure, command.ReceivingCommune, command.Channel, command.Applicant, command.FormData, fee,
                        command.ClientRequestId),
                    now,
                    calendar);
                db.Dossiers.Add(dossier);
                return code;
            },
            cancellationToken);
    }

    /// <summary>Keeps only the procedure's declared fields, trimmed, with dates in ISO form.</summary>
    public static IReadOnlyDictionary<string, string> Normalise(Procedure procedure, IReadOnlyDictionary<string, string?> fields)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in procedure.FormFields)
        {
            var value = fields.GetValueOrDefault(field.Key)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            data[field.Key] = field.Type == FormFieldType.Date && FilingInputValidator.TryParseDate(value, out var day)
                ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : value;
        }

        return data;
    }
}
