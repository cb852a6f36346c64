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
