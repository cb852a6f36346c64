using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;

namespace Portal.UnitTests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = TestData.Calendar;

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        VietnamTime.AtLocal(new DateOnly(2026, month, day), new TimeOnly(hour, minute));

    private static DateTimeOffset DueAt(int month, int day) => Local(month, day, 17);

    [Fact]
    public void Local_time_is_Asia_Ho_Chi_Minh_seven_hours_ahead_of_UTC()
    {
        var utc = new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTime(2026, 11, 23, 8, 30, 0), VietnamTime.ToLocal(utc).DateTime);
        Assert.Equal(utc, Local(11, 23, 8, 30));
    }

    [Fact]
    public void A_three_day_limit_received_on_Friday_skips_the_weekend()
    {
        Assert.Equal(DueAt(12, 2), Calendar.DueAt(Local(11, 27, 10), new TimeLimit(3)));
    }

    [Fact]
    public void A_dossier_received_on_Saturday_counts_from_Monday()
    {
        Assert.Equal(DueAt(12, 2), Calendar.DueAt(Local(11, 28, 10), new TimeLimit(2)));
    }

    [Fact]
    public void Public_holidays_are_not_working_days()
    {
        // Monday 31/08/2026 + 2 working days: 01/09 and 02/09 are National Day, so 03/09 and 04/09.
        Assert.Equal(DueAt(9, 4), Calendar.DueAt(Local(8, 31, 9), new TimeLimit(2)));
    }

    [Fact]
    public void A_dossier_received_on_a_holiday_counts_from_the_next_working_day()
    {
        Assert.Equal(DueAt(9, 3), Calendar.DueAt(Local(9, 1, 9), new TimeLimit(0)));
    }

    [Fact]
    public void A_swapped_Saturday_is_a_working_day()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.Equal(DueAt(10, 10), Calendar.DueAt(Local(10, 9, 9), new TimeLimit(1)));
    }

    [Fact]
    public void A_same_day_procedure_received_before_15h_is_due_the_same_day()
    {
        Assert.Equal(DueAt(11, 23), Calendar.DueAt(Local(11, 23, 14, 59), new TimeLimit(0)));
    }

    [Fact]
    public void A_same_day_procedure_received_at_or_after_15h_is_due_the_next_working_day()
    {
        Assert.Equal(DueAt(11, 24), Calendar.DueAt(Local(11, 23, 15, 0), new TimeLimit(0)));
        Assert.Equal(DueAt(11, 30), Calendar.DueAt(Local(11, 27, 16, 0), new TimeLimit(0)));
    }

    [Fact]
    public void A_multi_day_procedure_received_after_office_hours_counts_from_the_next_working_day()
    {
        Assert.Equal(DueAt(11, 24), Calendar.DueAt(Local(11, 23, 16, 59), new TimeLimit(1)));
        Assert.Equal(DueAt(11, 25), Calendar.DueAt(Local(11, 23, 17, 30), new TimeLimit(1)));
    }

    [Fact]
    public void The_cut_off_is_judged_in_local_time_not_UTC()
    {
        // 08:30 UTC is 15:30 in Ha Noi: past the cut-off although the UTC clock reads morning.
        var received = new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);

        Assert.Equal(DueAt(11, 24), Calendar.DueAt(received, new TimeLimit(0)));
    }

    [Fact]
    public void Working_days_between_two_dates_exclude_the_start_and_weekends()
    {
        Assert.Equal(5, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 27)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23)));
    }
}
