using Portal.Domain.Calendar;

namespace Portal.Domain.Dossiers;

public enum DeadlineEventKind
{
    /// <summary>The clock starts (provisionally at filing, for real at reception); carries the statutory due date.</summary>
    Start = 1,

    /// <summary>Waiting for the citizen (a supplement request): the wait is not counted.</summary>
    Pause = 2,

    Resume = 3,

    /// <summary>An apology with a new appointment (form 04): the citizen gets a new date, the dossier still counts as late.</summary>
    Extend = 4,

    /// <summary>Moved to another commune's queue: the clock runs on.</summary>
    Transfer = 5,
}

/// <summary>One event of a dossier's deadline clock, with its reason. Never changed after it is written.</summary>
public sealed class DeadlineEvent
{
    private DeadlineEvent()
    {
    }

    internal DeadlineEvent(Guid dossierId, DeadlineEventKind kind, DateTimeOffset at, DateTimeOffset? dueAt, string? reason)
    {
        Id = Guid.CreateVersion7(at);
        DossierId = dossierId;
        Kind = kind;
        At = at;
        DueAt = dueAt;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public DeadlineEventKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>For <see cref="DeadlineEventKind.Start"/> the statutory due date; for <see cref="DeadlineEventKind.Extend"/> the new appointment.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public string? Reason { get; private set; }
}

/// <summary>What the clock's events add up to.</summary>
/// <param name="StatutoryDueAt">The date the law promises (start + time limit + the working days spent waiting for the citizen); timeliness is judged against it.</param>
/// <param name="AppointmentAt">The date the citizen was last promised: the statutory date, or the new date of an apology.</param>
/// <param name="IsPaused">Waiting for the citizen now.</param>
public readonly record struct DeadlineState(DateTimeOffset StatutoryDueAt, DateTimeOffset AppointmentAt, bool IsPaused);

/// <summary>
/// Recomputes the due date from the clock's events alone, deterministically: the same events and
/// calendar always give the same dates, whenever and wherever they are replayed.
/// </summary>
public static class DeadlineClock
{
    public static DeadlineState Compute(IEnumerable<DeadlineEvent> events, WorkingCalendar calendar)
    {
        DateTimeOffset? due = null;
        DateTimeOffset? appointment = null;
        DateTimeOffset? pausedAt = null;
        foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            switch (e.Kind)
            {
                case DeadlineEventKind.Start:
                    due = e.DueAt;
                    appointment = null;
                    pausedAt = null;
                    break;
                case DeadlineEventKind.Pause when pausedAt is null:
                    pausedAt = e.At;
                    break;
                case DeadlineEventKind.Resume when pausedAt is not null && due is not null:
                    var paused = calendar.WorkingDaysBetween(VietnamTime.LocalDate(pausedAt.Value), VietnamTime.LocalDate(e.At));
                    due = VietnamTime.AtLocal(calendar.AddWorkingDays(VietnamTime.LocalDate(due.Value), paused), calendar.OfficeClose);
                    if (appointment is not null)
                    {
                        appointment = VietnamTime.AtLocal(calendar.AddWorkingDays(VietnamTime.LocalDate(appointment.Value), paused), calendar.OfficeClose);
                    }

                    pausedAt = null;
                    break;
                case DeadlineEventKind.Extend:
                    appointment = e.DueAt;
                    break;
            }
        }

        if (due is null)
        {
            throw new InvalidOperationException("A deadline clock needs a start event.");
        }

        return new DeadlineState(due.Value, appointment is { } a && a > due.Value ? a : due.Value, pausedAt is not null);
    }
}
