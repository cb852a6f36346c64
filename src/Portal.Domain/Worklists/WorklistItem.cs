using Portal.Domain.Catalogue;
using Portal.Domain.Routing;

namespace Portal.Domain.Worklists;

/// <summary>A dossier's place in one processing queue's worklist. A dossier has at most one.</summary>
public sealed class WorklistItem
{
    private WorklistItem()
    {
        QueueName = DossierCode = ProcedureCode = CommuneCode = ApplicantName = string.Empty;
    }

    public static WorklistItem ForDossier(
        ProcessingQueue queue, Guid dossierId, string dossierCode, string procedureCode, string applicantName,
        DateTimeOffset filedAt, DateTimeOffset dueAt, DateTimeOffset enqueuedAt) => new()
    {
        DossierId = dossierId,
        QueueName = queue.Name,
        CommuneCode = queue.Commune.Value,
        Agency = queue.Agency,
        DossierCode = dossierCode,
        ProcedureCode = procedureCode,
        ApplicantName = applicantName,
        FiledAt = filedAt,
        DueAt = dueAt,
        EnqueuedAt = enqueuedAt,
    };

    public Guid DossierId { get; private set; }

    public string QueueName { get; private set; }

    public string CommuneCode { get; private set; }

    public HandlingAgency Agency { get; private set; }

    public string DossierCode { get; private set; }

    public string ProcedureCode { get; private set; }

    public string ApplicantName { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset EnqueuedAt { get; private set; }
}
