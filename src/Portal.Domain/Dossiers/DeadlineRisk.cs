using Portal.Domain.Calendar;

namespace Portal.Domain.Dossiers;

public enum DeadlineRiskLevel
{
    OnTrack = 0,

    /// <summary>Due by the end of the next working day.</summary>
    DueSoon = 1,

    Overdue = 2,
}

/// <summary>How close an open dossier is to its statutory date, and the apology (form 04) to draft when it will miss it.</summary>
public static class DeadlineRisk
{
    /// <summary>Working days added to the later of today and the due date when drafting a new appointment.</summary>
    public const int DraftExtensionWorkingDays = 2;

    public static DeadlineRiskLevel Of(DateTimeOffset dueAt, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (now > dueAt)
        {
            return DeadlineRiskLevel.Overdue;
        }

        var today = VietnamTime.LocalDate(now);
        var horizon = calendar.IsWorkingDay(today) ? calendar.NextWorkingDay(today) : calendar.AddWorkingDays(today, 1);
        return VietnamTime.LocalDate(dueAt) <= horizon ? DeadlineRiskLevel.DueSoon : DeadlineRiskLevel.OnTrack;
    }

    /// <summary>
    /// The prediction: a dossier still being worked (no decision yet) that is overdue or due by the next
    /// working day will miss its date unless an apology with a new appointment is sent.
    /// </summary>
    public static bool NeedsApology(Dossier dossier, DateTimeOffset now, WorkingCalendar calendar) =>
        dossier.IsOpen && dossier.Status is DossierStatus.Received or DossierStatus.InProcess or DossierStatus.New
        && dossier.ProposedOutcome is null && dossier.AppointmentAt <= dossier.DueAt
        && Of(dossier.DueAt, now, calendar) != DeadlineRiskLevel.OnTrack;

    /// <summary>The new appointment a drafted apology proposes: two working days after the later of today and the due date.</summary>
    public static DateOnly DraftAppointment(Dossier dossier, DateTimeOffset now, WorkingCalendar calendar)
    {
        var from = VietnamTime.LocalDate(dossier.AppointmentAt > now ? dossier.AppointmentAt : now);
        return calendar.AddWorkingDays(from, DraftExtensionWorkingDays);
    }
}
