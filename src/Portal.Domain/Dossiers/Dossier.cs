using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Common;
using Portal.Domain.Dossiers.Events;
using Portal.Domain.Dossiers.Rules;
using Portal.Domain.Fees;

namespace Portal.Domain.Dossiers;

/// <summary>
/// A citizen's dossier for one procedure at one receiving commune. State changes only through the
/// methods named after the business act; each records who, when and why, and refuses an illegal move.
/// </summary>
public sealed class Dossier : AggregateRoot
{
    public const int LookupSecretLength = 8;

    private readonly List<DossierTransition> _history = [];

    private Dossier()
    {
        LookupSecret = ProcedureCode = string.Empty;
        Applicant = null!;
        FormData = new Dictionary<string, string>();
        Fee = null!;
    }

    public Guid Id { get; private set; }

    public DossierCode Code { get; private set; }

    /// <summary>Printed on the receipt; with the code it lets anyone holding the receipt look the dossier up.</summary>
    public string LookupSecret { get; private set; }

    public string ProcedureCode { get; private set; }

    public CommuneCode CommuneCode { get; private set; }

    public HandlingAgency Agency { get; private set; }

    public FilingChannel Channel { get; private set; }

    public Applicant Applicant { get; private set; }

    public IReadOnlyDictionary<string, string> FormData { get; private set; }

    /// <summary>Frozen at filing: a later rule change never rewrites it.</summary>
    public FeeAssessment Fee { get; private set; }

    public DossierStatus Status { get; private set; }

    public ProcessingOutcome? Outcome { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>The promised date. Provisional (as if received at filing) until an officer receives the dossier.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset? SupplementRequestedAt { get; private set; }

    public int SupplementRequestCount { get; private set; }

    /// <summary>End of processing: the first of processed, refused, stopped or withdrawn.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    public Guid? ClientRequestId { get; private set; }

    /// <summary>The cashless payment of the frozen fee (counter filings that owe something).</summary>
    public DossierPayment? Payment { get; private set; }

    /// <summary>Early, on time or late by the national formula, fixed when processing ends.</summary>
    public Timeliness? Timeliness { get; private set; }

    public IReadOnlyList<DossierTransition> History => _history.AsReadOnly();

    /// <summary>Bumped by every change; two concurrent changes to the same dossier cannot both be saved.</summary>
    public int Version { get; private set; }

    public static Dossier File(FilingDetails details, DateTimeOffset filedAt, WorkingCalendar calendar)
    {
        var dossier = new Dossier
        {
            Id = details.DossierId,
            Code = details.Code,
            LookupSecret = details.LookupSecret,
            ProcedureCode = details.Procedure.Code,
            CommuneCode = details.ReceivingCommune,
            Agency = details.Procedure.Agency,
            Channel = details.Channel,
            Applicant = details.Applicant,
            FormData = new Dictionary<string, string>(details.FormData, StringComparer.Ordinal),
            Fee = details.Fee,
            Status = DossierStatus.New,
            FiledAt = filedAt,
            DueAt = calendar.DueAt(filedAt, details.Procedure.TimeLimit),
            ClientRequestId = details.ClientRequestId,
        };

        dossier._history.Add(new DossierTransition(dossier.Id, null, DossierStatus.New, new ActorRef(details.Applicant.UserId ?? "counter"), filedAt, null));
        dossier.Raise(new DossierFiled(
            dossier.Id, dossier.Code.Value, dossier.ProcedureCode, dossier.CommuneCode.Value, dossier.Agency, dossier.Channel,
            dossier.Applicant.FullName, dossier.DueAt, filedAt));
        return dossier;
    }

    public void Receive(ActorRef officer, DateTimeOffset at, WorkingCalendar calendar, TimeLimit timeLimit)
    {
        MoveTo(DossierAction.Receive, officer, at, null);
        ReceivedAt = at;
        DueAt = calendar.DueAt(at, timeLimit);
    }

    public void RecordPayment(DossierPayment payment)
    {
        CheckRule(new PaymentMustSettleTheFeeRule(this, payment));
        Payment = payment;
        Version++;
    }

    /// <summary>An administrator moves the dossier to another commune's queue; the status and due date stay, the history records why.</summary>
    public void TransferTo(CommuneCode commune, ActorRef actor, DateTimeOffset at, string reason)
    {
        CheckRule(new ReasonMustBeGivenRule(reason));
        if (CompletedAt is not null)
        {
            throw new BusinessRuleViolationException(new DossierActionMustBeAllowedRule(DossierAction.Stop, Status));
        }

        _history.Add(new DossierTransition(Id, Status, Status, actor, at, $"→ {commune}: {reason}"));
        CommuneCode = commune;
        Version++;
    }

    public void RefuseAtReception(ActorRef officer, DateTimeOffset at, string reason)
    {
        CheckRule(new ReasonMustBeGivenRule(reason));
        MoveTo(DossierAction.RefuseAtReception, officer, at, reason);
        EndProcessing(at);
    }

    public void StartProcessing(ActorRef officer, DateTimeOffset at) => MoveTo(DossierAction.StartProcessing, officer, at, null);

    public void RequestSupplement(ActorRef officer, DateTimeOffset at, string reason)
    {
        CheckRule(new ReasonMustBeGivenRule(reason));
        MoveTo(DossierAction.RequestSupplement, officer, at, reason);
        SupplementRequestedAt = at;
        SupplementRequestCount++;
    }

    /// <summary>The citizen's supplement arrived: processing resumes and the wait is not counted against the deadline.</summary>
    public void RecordSupplement(ActorRef actor, DateTimeOffset at, WorkingCalendar calendar, string? comment = null)
    {
        MoveTo(DossierAction.RecordSupplement, actor, at, comment);
        var paused = calendar.WorkingDaysBetween(VietnamTime.LocalDate(SupplementRequestedAt!.Value), VietnamTime.LocalDate(at));
        var dueDay = calendar.AddWorkingDays(VietnamTime.LocalDate(DueAt), paused);
        DueAt = VietnamTime.AtLocal(dueDay, calendar.OfficeClose);
        SupplementRequestedAt = null;
    }

    public void Approve(ActorRef leader, DateTimeOffset at) => Complete(DossierAction.Approve, ProcessingOutcome.Approved, leader, at, null);

    public void RefuseResult(ActorRef leader, DateTimeOffset at, string reason)
    {
        CheckRule(new ReasonMustBeGivenRule(reason));
        Complete(DossierAction.RefuseResult, ProcessingOutcome.Refused, leader, at, reason);
    }

    public void ReturnResult(ActorRef officer, DateTimeOffset at) => MoveTo(DossierAction.ReturnResult, officer, at, null);

    public void Withdraw(ActorRef citizen, DateTimeOffset at, string? reason)
    {
        MoveTo(DossierAction.Withdraw, citizen, at, reason);
        EndProcessing(at);
    }

    public void Stop(ActorRef officer, DateTimeOffset at, string reason)
    {
        CheckRule(new ReasonMustBeGivenRule(reason));
        MoveTo(DossierAction.Stop, officer, at, reason);
        EndProcessing(at);
    }

    /// <summary>The national formula: on time if processing ended by the promised date and at most one supplement was asked for.</summary>
    private void EndProcessing(DateTimeOffset end)
    {
        CompletedAt = end;
        Timeliness = end > DueAt || SupplementRequestCount > 1
            ? Dossiers.Timeliness.Late
            : VietnamTime.LocalDate(end) < VietnamTime.LocalDate(DueAt) ? Dossiers.Timeliness.Early : Dossiers.Timeliness.OnTime;
    }

    private void Complete(DossierAction action, ProcessingOutcome outcome, ActorRef leader, DateTimeOffset at, string? reason)
    {
        MoveTo(action, leader, at, reason);
        Outcome = outcome;
        EndProcessing(at);
    }

    private void MoveTo(DossierAction action, ActorRef actor, DateTimeOffset at, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Name);
        CheckRule(new DossierActionMustBeAllowedRule(action, Status));
        var from = Status;
        var to = DossierActionMustBeAllowedRule.Target(action);
        Version++;
        Status = to;
        _history.Add(new DossierTransition(Id, from, to, actor, at, reason));
        Raise(new DossierStatusChanged(Id, Code.Value, from, to, actor.Name, at, reason));
    }
}
