using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.Documents;
using Portal.Domain.Fees;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;
using Portal.Infrastructure.Storage;

namespace Portal.Web.Features.Filing;

/// <summary>
/// File a dossier: assess its fee under the rules in force today, give it the next code of the
/// receiving commune, store it and its "submitted" message in one transaction.
/// </summary>
public sealed class SubmitDossier(UnitOfWork unitOfWork, WorkingCalendarProvider calendars, IAttachmentStore store, TimeProvider clock)
{
    private const string SecretAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public sealed record Command(
        Procedure Procedure, CommuneCode ReceivingCommune, FilingChannel Channel, Applicant Applicant,
        IReadOnlyDictionary<string, string> FormData, Guid ClientRequestId, IReadOnlySet<string>? ApplicantCategories = null,
        CounterIntake? Counter = null, IReadOnlyList<IncomingFile>? Files = null, IReadOnlyList<Guid>? ReusedResults = null);

    /// <summary>A walk-in dossier: the officer who received it at the counter and the cashless payment, if any was due.</summary>
    public sealed record CounterIntake(string Officer, PaymentMethod? Method, string? Reference);

    /// <summary>
    /// Files the dossier, or returns the one this applicant already filed with the same request id. On SQL
    /// Server two filings can race for the same commune's counter: the loser retries (SQLite serialises them).
    /// </summary>
    public async Task<DossierCode> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        // Read before the write path, which serialises every writer: the fee is assessed with the rules in force
        // when the filing arrives (a rule changed a moment later applies to the next filing).
        var rules = await unitOfWork.Db.FeeRules.AsNoTracking().ToListAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await unitOfWork.ExecuteAsync(ct => FileAsync(command, calendar, rules, ct), cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another writer took the same code or counter row first; the next attempt sees its commit.
            }
        }
    }

    private const int MaxAttempts = 3;

    private async Task<DossierCode> FileAsync(Command command, WorkingCalendar calendar, IReadOnlyList<FeeRule> rules, CancellationToken ct)
    {
        var db = unitOfWork.Db;
        var earlier = await db.Dossiers.AsNoTracking()
            .Where(d => d.ClientRequestId == command.ClientRequestId)
            .Select(d => new { d.Code, d.Applicant.UserId })
            .FirstOrDefaultAsync(ct);
        if (earlier is not null)
        {
            // The same applicant posting twice gets their dossier back; anyone else's key is never revealed.
            return earlier.UserId == command.Applicant.UserId && command.Applicant.UserId is not null
                ? earlier.Code
                : throw new RequestIdAlreadyUsedException();
        }

        var now = clock.GetUtcNow();
        var today = VietnamTime.LocalDate(now);
        var context = new FeeContext(command.Channel, today, command.ApplicantCategories ?? new HashSet<string>(), command.FormData);
        var fee = FeeAssessor.Assess(command.Procedure, context, rules);
        var code = await DossierCodeAllocator.NextAsync(db, command.ReceivingCommune, today, ct);
        var dossier = Dossier.File(
            new FilingDetails(
                Guid.CreateVersion7(now), code, RandomNumberGenerator.GetString(SecretAlphabet, Dossier.LookupSecretLength),
                command.Procedure, command.ReceivingCommune, command.Channel, command.Applicant, command.FormData, fee,
                command.ClientRequestId),
            now,
            calendar);
        if (command.Counter is { } counter)
        {
            dossier.Receive(counter.Officer, now, calendar, command.Procedure.TimeLimit);
            if (fee.TotalVnd > 0)
            {
                dossier.RecordPayment(new DossierPayment(counter.Method!.Value, counter.Reference!, fee.TotalVnd, now, counter.Officer));
            }
        }

        db.Dossiers.Add(dossier);
        foreach (var file in command.Files ?? [])
        {
            var key = await store.SaveAsync(file.Content, FileSignature.Extension(file.ContentType), ct);
            db.Attachments.Add(new Attachment(
                Guid.CreateVersion7(now), dossier.Id, AttachmentKind.Upload, file.FileName, file.ContentType, file.Content.Length, key,
                Convert.ToHexString(SHA256.HashData(file.Content)), now));
        }

        foreach (var reused in await ReusableResultsAsync(command, ct))
        {
            // "No repeated declarations": a result the portal already issued is attached by reference, not uploaded again.
            db.Attachments.Add(new Attachment(
                Guid.CreateVersion7(now), dossier.Id, AttachmentKind.ReusedResult, $"Kết quả hồ sơ {reused.Code}", "text/html", 0, string.Empty,
                string.Empty, now, reused.DossierId));
        }

        return code;
    }

    private async Task<IReadOnlyList<(Guid DossierId, string Code, string VerificationCode)>> ReusableResultsAsync(Command command, CancellationToken ct)
    {
        if (command.ReusedResults is not { Count: > 0 } wanted || command.Applicant.UserId is not { } owner)
        {
            return [];
        }

        var db = unitOfWork.Db;
        var rows = await db.DossierResults.AsNoTracking()
            .Where(r => wanted.Contains(r.DossierId))
            .Join(db.Dossiers.Where(d => d.Applicant.UserId == owner), r => r.DossierId, d => d.Id, (r, d) => new { r.DossierId, d.Code, r.VerificationCode })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.DossierId, r.Code.Value, r.VerificationCode))];
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

/// <summary>An idempotency key that another applicant has already used.</summary>
public sealed class RequestIdAlreadyUsedException() : InvalidOperationException("This request id has already been used.");
