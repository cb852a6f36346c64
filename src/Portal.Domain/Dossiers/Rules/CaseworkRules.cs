using Portal.Domain.Calendar;
using Portal.Domain.Common;

namespace Portal.Domain.Dossiers.Rules;

/// <summary>Assignment, proposals and apologies concern dossiers still being processed.</summary>
public sealed class DossierMustBeOpenRule(Dossier dossier) : IBusinessRule
{
    public string Code => "dossier.closed";

    public string Message => "The dossier is no longer being processed.";

    public bool IsBroken() => !dossier.IsOpen;
}

/// <summary>A leader signs (or sends back) an officer's proposal; there is nothing to sign without one.</summary>
public sealed class ProposalMustExistRule(Dossier dossier) : IBusinessRule
{
    public string Code => "dossier.proposal.missing";

    public string Message => "The officer has not proposed an outcome yet.";

    public bool IsBroken() => dossier.ProposedOutcome is null;
}

/// <summary>An apology's new appointment is a working day after the date the citizen was promised.</summary>
public sealed class NewAppointmentMustBeLaterRule(DateTimeOffset current, DateTimeOffset proposed, WorkingCalendar calendar) : IBusinessRule
{
    public string Code => "dossier.appointment.invalid";

    public string Message => "The new appointment must be a working day after the current one.";

    public bool IsBroken() =>
        VietnamTime.LocalDate(proposed) <= VietnamTime.LocalDate(current) || !calendar.IsWorkingDay(VietnamTime.LocalDate(proposed))
        || VietnamTime.LocalDate(proposed) > VietnamTime.LocalDate(current).AddDays(366);
}

/// <summary>A form drawn from an older version of the dossier: someone else acted in between.</summary>
public sealed class DossierVersionMustMatchRule(int seen, int current) : IBusinessRule
{
    public string Code => "dossier.version.stale";

    public string Message => $"The dossier changed (version {seen} → {current}) since the form was shown.";

    public bool IsBroken() => seen != current;
}

/// <summary>A dossier is assigned only to an officer serving its queue.</summary>
public sealed class AssigneeMustServeTheQueueRule : IBusinessRule
{
    public string Code => "dossier.assignee.invalid";

    public string Message => "The assignee does not serve this queue.";

    public bool IsBroken() => true;
}

/// <summary>An optional comment or reason still has to fit the history (1000 characters).</summary>
public sealed class ReasonMustFitRule(string? reason) : IBusinessRule
{
    public string Code => "dossier.reason.required";

    public string Message => "The text is longer than the history keeps.";

    public bool IsBroken() => reason is { Length: > DossierTransition.ReasonMaxLength };
}

/// <summary>One proposal at a time: the leader signs or sends back the pending one first.</summary>
public sealed class ProposalMustNotBePendingRule(Dossier dossier) : IBusinessRule
{
    public string Code => "dossier.proposal.pending";

    public string Message => "A proposal already awaits the leader's signature.";

    public bool IsBroken() => dossier.ProposedOutcome is not null;
}

/// <summary>Four eyes: whoever proposed the outcome does not sign it (a leader or a delegate who proposed asks another leader).</summary>
public sealed class SignerMustNotBeTheProposerRule(string? proposedBy, string signer) : IBusinessRule
{
    public string Code => "dossier.proposal.self-signed";

    public string Message => "The person who proposed the outcome cannot sign it.";

    public bool IsBroken() => string.Equals(proposedBy, signer, StringComparison.Ordinal);
}

/// <summary>Only the officer the dossier is assigned to puts it back in the queue (a leader reassigns instead).</summary>
public sealed class OnlyTheAssigneeReleasesRule(string? assignedTo, string actor) : IBusinessRule
{
    public string Code => "dossier.release.not-assignee";

    public string Message => "Only the assigned officer can put the dossier back in the queue.";

    public bool IsBroken() => !string.Equals(assignedTo, actor, StringComparison.Ordinal);
}

/// <summary>An officer claims only what nobody holds; moving a colleague's dossier is a leader's assignment.</summary>
public sealed class OnlyAnUnassignedDossierIsClaimedRule(string? assignedTo) : IBusinessRule
{
    public string Code => "dossier.claim.taken";

    public string Message => "The dossier is already assigned.";

    public bool IsBroken() => assignedTo is not null;
}
