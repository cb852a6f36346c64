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
    private readonly List<DeadlineEvent> _clock = [];

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

    /// <summary>
    /// The statutory due date, recomputed from the deadline clock's events: provisional (as if received
    /// at filing) until an officer receives the dossier; timeliness is judged against it.
    /// </summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The date the citizen was last promised: <see cref="DueAt"/>, or the new date of an apology (form 04).</summary>
    public DateTimeOffset AppointmentAt { get; private set; }

    /// <summary>The officer (user name) working the dossier, if any.</summary>
    public string? AssignedTo { get; private set; }

    /// <summary>The officer's proposal awaiting the leader's signature, if any.</summary>
    public ProcessingOutcome? ProposedOutcome { get; private set; }

    public string? ProposalReason { get; private set; }

    public string? ProposedBy { get; private set; }

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

    /// <summary>The deadline clock: start, pause, resume, extend, transfer, each with its reason.</summary>
    public IReadOnlyList<DeadlineEvent> Clock => _clock.AsReadOnly();

    public bool IsOpen => CompletedAt is null;

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
            ClientRequestId = details.ClientRequestId,
        };
        dossier.Tick(DeadlineEventKind.Start, filedAt, calendar.DueAt(filedAt, details.Procedure.TimeLimit), "Nộp hồ sơ (hạn tạm tính)", calendar);

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
        Tick(DeadlineEventKind.Start, at, calendar.DueAt(at, timeLimit), "Tiếp nhận hồ sơ", calendar);
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
        _clock.Add(new DeadlineEvent(Id, DeadlineEventKind.Transfer, at, null, $"→ {commune}: {reason}"));
        CommuneCode = commune;
        AssignedTo = null;
        Version++;
    }

    /// <summary>An officer takes an unassigned open dossier of their queue for themselves (taking a colleague's is a leader's reassignment).</summary>
    public void Claim(ActorRef officer, DateTimeOffset at)
    {
        CheckRule(new OnlyAnUnassignedDossierIsClaimedRule(AssignedTo));
        AssignTo(officer.Name, officer, at, "Nhận xử lý hồ sơ");
    }

    /// <summary>A leader (or the automatic assignment) gives an open dossier to an officer of the queue.</summary>
    public void Assign(string officerName, ActorRef by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officerName);
        AssignTo(officerName, by, at, $"Phân công cho {officerName}");
    }

    /// <summary>The assigned officer puts the dossier back in the queue, unassigned.</summary>
    public void Release(ActorRef officer, DateTimeOffset at)
    {
        CheckRule(new DossierMustBeOpenRule(this));
        CheckRule(new OnlyTheAssigneeReleasesRule(AssignedTo, officer.Name));
        AssignedTo = null;
        Record(officer, at, "Trả hồ sơ về hàng đợi chung");
    }

    /// <summary>The officer proposes the outcome; only a leader's signature ends processing.</summary>
    public void Propose(ActorRef officer, DateTimeOffset at, ProcessingOutcome outcome, string? reason)
    {
        if (outcome == ProcessingOutcome.Refused)
        {
            CheckRule(new ReasonMustBeGivenRule(reason));
        }

        CheckRule(new ReasonMustFitRule(reason));
        CheckRule(new DossierActionMustBeAllowedRule(DossierAction.Approve, Status));
        CheckRule(new ProposalMustNotBePendingRule(this));
        ProposedOutcome = outcome;
        ProposalReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ProposedBy = officer.Name;
        Record(officer, at, outcome == ProcessingOutcome.Approved ? "Đề xuất giải quyết" : $"Đề xuất không giải quyết: {ProposalReason}");
    }

    /// <summary>The leader does not sign and sends the proposal back to the officer, saying why.</summary>
    public void SendBack(ActorRef leader, DateTimeOffset at, string reason)
    {
        CheckRule(new ReasonMustBeGivenRule(reason));
        CheckRule(new DossierActionMustBeAllowedRule(DossierAction.Approve, Status));
        CheckRule(new ProposalMustExistRule(this));
        ProposedOutcome = null;
        ProposalReason = null;
        ProposedBy = null;
        Record(leader, at, $"Lãnh đạo trả lại đề xuất: {reason.Trim()}");
    }

    /// <summary>
    /// An apology with a new appointment (form 04), for a dossier that will miss its date. The citizen is
    /// given the new date; the national indicator still counts the dossier against the statutory date.
    /// </summary>
    public void Apologise(ActorRef officer, DateTimeOffset at, DateTimeOffset newAppointment, string reason, WorkingCalendar calendar)
    {
        CheckRule(new ReasonMustBeGivenRule(reason));
        CheckRule(new DossierMustBeOpenRule(this));
        CheckRule(new NewAppointmentMustBeLaterRule(AppointmentAt, newAppointment, calendar));
        Record(officer, at, $"Thư xin lỗi, hẹn lại ngày {VietnamTime.LocalDate(newAppointment):dd/MM/yyyy}: {reason.Trim()}", NationalForm.Apology, isInternal: false);
        Tick(DeadlineEventKind.Extend, at, newAppointment, reason.Trim(), calendar);
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
        ProposedOutcome = null; // a proposal made before the new documents no longer stands
        ProposalReason = null;
        ProposedBy = null;
        SupplementRequestedAt = at;
        SupplementRequestCount++;
        _clock.Add(new DeadlineEvent(Id, DeadlineEventKind.Pause, at, null, reason));
    }

    /// <summary>The citizen's supplement arrived: processing resumes and the wait is not counted against the deadline.</summary>
    public void RecordSupplement(ActorRef actor, DateTimeOffset at, WorkingCalendar calendar, string? comment = null)
    {
        CheckRule(new ReasonMustFitRule(comment));
        MoveTo(DossierAction.RecordSupplement, actor, at, comment);
        Tick(DeadlineEventKind.Resume, at, null, "Công dân đã bổ sung hồ sơ", calendar); // before the wait's start is forgotten (older dossiers' clocks begin from it)
        SupplementRequestedAt = null;
    }

    /// <summary>The leader signs the officer's proposal: the outcome is the one proposed.</summary>
    public void Approve(ActorRef leader, DateTimeOffset at)
    {
        CheckRule(new DossierActionMustBeAllowedRule(DossierAction.Approve, Status));
        CheckRule(new ProposalMustExistRule(this));
        CheckRule(new SignerMustNotBeTheProposerRule(ProposedBy, leader.Name));
        if (ProposedOutcome == ProcessingOutcome.Refused)
        {
            Complete(DossierAction.RefuseResult, ProcessingOutcome.Refused, leader, at, ProposalReason);
            return;
        }

        Complete(DossierAction.Approve, ProcessingOutcome.Approved, leader, at, null);
    }

    /// <summary>The leader decides against an approval proposal, saying why.</summary>
    public void RefuseResult(ActorRef leader, DateTimeOffset at, string reason)
    {
        CheckRule(new ReasonMustBeGivenRule(reason));
        CheckRule(new DossierActionMustBeAllowedRule(DossierAction.RefuseResult, Status));
        CheckRule(new ProposalMustExistRule(this));
        CheckRule(new SignerMustNotBeTheProposerRule(ProposedBy, leader.Name));
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

    private void AssignTo(string officerName, ActorRef by, DateTimeOffset at, string reason)
    {
        CheckRule(new DossierMustBeOpenRule(this));
        AssignedTo = officerName;
        Record(by, at, reason);
    }

    /// <summary>An audited act that does not change the status (assignment, proposal, apology).</summary>
    private void Record(ActorRef actor, DateTimeOffset at, string reason, NationalForm? form = null, bool isInternal = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Name);
        var text = reason.Length > DossierTransition.ReasonMaxLength ? reason[..DossierTransition.ReasonMaxLength] : reason;
        _history.Add(new DossierTransition(Id, Status, Status, actor, at, text, form, isInternal));
        Version++;
    }

    private void Tick(DeadlineEventKind kind, DateTimeOffset at, DateTimeOffset? dueAt, string? reason, WorkingCalendar calendar)
    {
        if (kind != DeadlineEventKind.Start && !_clock.Any(e => e.Kind == DeadlineEventKind.Start))
        {
            // A dossier filed before the clock was kept as events: its stored dates become the clock's start.
            _clock.Add(new DeadlineEvent(Id, DeadlineEventKind.Start, ReceivedAt ?? FiledAt, DueAt, "Hạn đã ghi trước khi có đồng hồ sự kiện"));
            if (SupplementRequestedAt is { } waiting)
            {
                _clock.Add(new DeadlineEvent(Id, DeadlineEventKind.Pause, waiting, null, null));
            }
        }

        _clock.Add(new DeadlineEvent(Id, kind, at, dueAt, reason));
        var state = DeadlineClock.Compute(_clock, calendar);
        DueAt = state.StatutoryDueAt;
        AppointmentAt = state.AppointmentAt;
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
        ProposedOutcome = null;
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
        var form = action switch
        {
            DossierAction.Receive => NationalForm.Receipt,
            DossierAction.RequestSupplement => NationalForm.SupplementRequest,
            DossierAction.RefuseAtReception => NationalForm.Refusal,
            DossierAction.Stop => NationalForm.StopNotice,
            _ => (NationalForm?)null,
        };
        _history.Add(new DossierTransition(Id, from, to, actor, at, reason, form));
        Raise(new DossierStatusChanged(Id, Code.Value, from, to, actor.Name, at, reason));
    }
}
