using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;

namespace Portal.Web.Features.Supervision;

/// <summary>
/// The breach forecast's arithmetic. A queue works its open dossiers in due order at its current pace
/// (dossiers it finished per working day over the last 7 days, at least one): the dossier at position p
/// is expected on the working day ⌈p / pace⌉ − 1 after today, and is forecast to miss its due day when
/// that comes later. Dossiers due on the same day are contiguous in due order, so both the page that
/// lists them and the dashboard that only counts them (from the backlog counters) go day by day.
/// </summary>
public sealed class BreachForecast(WorkingCalendar calendar, DateOnly today, int horizonWorkingDays, int workingDaysLastWeek, IReadOnlyDictionary<(string, HandlingAgency), int> doneLastWeek)
{
    // Work starts today if today is a working day, else on the next one: a weekend gives no capacity.
    private readonly DateOnly _firstWorkingDay = calendar.IsWorkingDay(today) ? today : calendar.NextWorkingDay(today);

    private DateOnly[] WorkingDays => field ??= [.. Enumerable.Range(0, horizonWorkingDays + 1).Select(n => calendar.AddWorkingDays(_firstWorkingDay, n))];

    public DateOnly Today => today;

    private WorkingCalendar Calendar => calendar;

    /// <summary>The last day the forecast looks at: the end of the horizon's last working day.</summary>
    public DateOnly Horizon => WorkingDays[^1];

    public QueuePace For(string commune, HandlingAgency agency) =>
        new(this, Math.Max(1.0, (double)doneLastWeek.GetValueOrDefault((commune, agency)) / workingDaysLastWeek));

    public sealed class QueuePace(BreachForecast forecast, double perDay)
    {
        public double PerDay => perDay;

        /// <summary>The day the dossier at <paramref name="position"/> (1-based) is expected to be done.</summary>
        public DateOnly Expected(int position) => forecast.Calendar.AddWorkingDays(forecast._firstWorkingDay, WorkingDaysAhead(position));

        /// <summary>How many of the <paramref name="count"/> dossiers due on <paramref name="dueDay"/>, after <paramref name="before"/> others, miss it (the last ones).</summary>
        public int Missing(int before, int count, DateOnly dueDay)
        {
            if (count <= 0)
            {
                return 0;
            }

            // Lateness only grows with the position: find the first late position by bisection.
            var (low, high) = (before + 1, before + count + 1);
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                (low, high) = Misses(middle, dueDay) ? (low, middle) : (middle + 1, high);
            }

            return before + count + 1 - low;
        }

        private int WorkingDaysAhead(int position) => (int)Math.Ceiling(position / perDay) - 1;

        // Beyond the horizon the expected day is later than any day the forecast looks at.
        private bool Misses(int position, DateOnly dueDay) =>
            WorkingDaysAhead(position) is var ahead && (ahead >= forecast.WorkingDays.Length || forecast.WorkingDays[ahead] > dueDay);
    }
}
