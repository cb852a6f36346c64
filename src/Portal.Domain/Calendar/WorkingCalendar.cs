using Portal.Domain.Catalogue;

namespace Portal.Domain.Calendar;

/// <summary>
/// Working days are Monday to Friday minus public holidays, plus any weekend day declared a working
/// day (a swap). Holidays change every year, so they are data handed in, never constants.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly TimeOnly DefaultSameDayCutOff = new(15, 0);
    public static readonly TimeOnly DefaultOfficeClose = new(17, 0);

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workingWeekendDays;

    public WorkingCalendar(
        IEnumerable<DateOnly> holidays,
        IEnumerable<DateOnly>? workingWeekendDays = null,
        TimeOnly? sameDayCutOff = null,
        TimeOnly? officeClose = null)
    {
        _holidays = [.. holidays];
        _workingWeekendDays = [.. workingWeekendDays ?? []];
        SameDayCutOff = sameDayCutOff ?? DefaultSameDayCutOff;
        OfficeClose = officeClose ?? DefaultOfficeClose;
    }

    /// <summary>A same-day procedure received at or after this local time is due the next working day.</summary>
    public TimeOnly SameDayCutOff { get; }

    /// <summary>Dossiers fall due at this local time; one received after it counts from the next working day.</summary>
    public TimeOnly OfficeClose { get; }

    public bool IsWorkingDay(DateOnly day)
    {
        if (_holidays.Contains(day))
        {
            return false;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || _workingWeekendDays.Contains(day);
    }

    public DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        var result = day;
        for (var i = 0; i < workingDays; i++)
        {
            result = NextWorkingDay(result);
        }

        return result;
    }

    /// <summary>The local working day from which the time limit counts, for a dossier received at <paramref name="receivedAt"/>.</summary>
    public DateOnly FirstCountedDay(DateTimeOffset receivedAt, TimeLimit limit)
    {
        var local = VietnamTime.ToLocal(receivedAt);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var cutOff = limit.IsSameDay ? SameDayCutOff : OfficeClose;

        return !IsWorkingDay(day) || time >= cutOff ? NextWorkingDay(day) : day;
    }

    /// <summary>The promised date: the end of office hours on the last working day of the time limit (UTC).</summary>
    public DateTimeOffset DueAt(DateTimeOffset receivedAt, TimeLimit limit)
    {
        var dueDay = AddWorkingDays(FirstCountedDay(receivedAt, limit), limit.WorkingDays);
        return VietnamTime.AtLocal(dueDay, OfficeClose);
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
