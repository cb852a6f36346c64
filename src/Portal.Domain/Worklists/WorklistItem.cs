using Portal.Domain.Catalogue;
using Portal.Domain.Common;
using Portal.Domain.Dossiers;
using Portal.Domain.Routing;

namespace Portal.Domain.Worklists;

/// <summary>
/// A dossier's place in one processing queue's worklist (a read model: at most one per dossier). It
/// carries what the worklist filters, sorts and searches on, kept in step with the dossier in the same
/// transaction as every change, so a worklist page never touches the dossiers table.
/// </summary>
public sealed class WorklistItem
{
    public const int SearchKeyMaxLength = 200;

    private WorklistItem()
    {
        QueueName = DossierCode = ProcedureCode = CommuneCode = ApplicantName = SearchKey = string.Empty;
    }

    public static WorklistItem ForDossier(ProcessingQueue queue, Dossier dossier, DateTimeOffset enqueuedAt)
    {
        var item = new WorklistItem
        {
            DossierId = dossier.Id,
            QueueName = queue.Name,
            CommuneCode = queue.Commune.Value,
            Agency = queue.Agency,
            DossierCode = dossier.Code.Value,
            ProcedureCode = dossier.ProcedureCode,
            ApplicantName = dossier.Applicant.FullName,
            FiledAt = dossier.FiledAt,
            EnqueuedAt = enqueuedAt,
            SearchKey = SearchKeyOf(dossier),
        };
        item.CopyProgress(dossier);
        return item;
    }

    public Guid DossierId { get; private set; }

    public string QueueName { get; private set; }

    public string CommuneCode { get; private set; }

    public HandlingAgency Agency { get; private set; }

    public string DossierCode { get; private set; }

    public string ProcedureCode { get; private set; }

    public string ApplicantName { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    /// <summary>The statutory due date: the worklist's order (late first, then nearest).</summary>
    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset AppointmentAt { get; private set; }

    public DateTimeOffset EnqueuedAt { get; private set; }

    public DossierStatus Status { get; private set; }

    public string? AssignedTo { get; private set; }

    /// <summary>An outcome is proposed and waits for a leader's signature.</summary>
    public bool AwaitingSignature { get; private set; }

    /// <summary>Code, applicant name and citizen ID, case and diacritics folded, for the worklist's search.</summary>
    public string SearchKey { get; private set; }

    public void CopyProgress(Dossier dossier)
    {
        Status = dossier.Status;
        AssignedTo = dossier.AssignedTo;
        DueAt = dossier.DueAt;
        AppointmentAt = dossier.AppointmentAt;
        AwaitingSignature = dossier.ProposedOutcome is not null;
    }

    public static string SearchKeyOf(Dossier dossier)
    {
        var key = Text.Fold($"{dossier.Code.Value} {dossier.Applicant.FullName} {dossier.Applicant.CitizenId.Value}");
        return key.Length <= SearchKeyMaxLength ? key : key[..SearchKeyMaxLength];
    }
}
