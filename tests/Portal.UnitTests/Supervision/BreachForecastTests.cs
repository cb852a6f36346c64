using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Web.Features.Supervision;

namespace Portal.UnitTests.Supervision;

/// <summary>The breach forecast's arithmetic on hand-worked cases (today Wednesday 25/11/2026, horizon 6 working days).</summary>
public sealed class BreachForecastTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static BreachForecast Forecast(int done, params DateOnly[] holidays) =>
        new(new WorkingCalendar(holidays), Today, 6, 5, new Dictionary<(string, HandlingAgency), int> { [("14758", HandlingAgency.CommunePolice)] = done });

    private static BreachForecast.QueuePace Pace(int done, params DateOnly[] holidays) => Forecast(done, holidays).For("14758", HandlingAgency.CommunePolice);

    [Fact]
    public void The_horizon_is_the_sixth_working_day_after_today()
    {
        Assert.Equal(new DateOnly(2026, 12, 3), Forecast(0).Horizon);
        Assert.Equal(new DateOnly(2026, 12, 4), Forecast(0, new DateOnly(2026, 11, 27)).Horizon);
    }

    [Fact]
    public void At_two_a_day_the_third_of_three_due_today_misses_and_the_rest_make_it()
    {
        var pace = Pace(10); // 10 done over 5 working days
        Assert.Equal(2.0, pace.PerDay);
        Assert.Equal(1, pace.Missing(0, 3, Today)); // positions 1, 2 today; 3 tomorrow
        Assert.Equal(new DateOnly(2026, 11, 26), pace.Expected(3));
        Assert.Equal(0, pace.Missing(3, 1, new DateOnly(2026, 11, 26))); // position 4: Thursday
        Assert.Equal(0, pace.Missing(4, 4, new DateOnly(2026, 11, 30))); // positions 5–8: Friday, Friday, Monday, Monday
    }

    [Fact]
    public void A_queue_that_finished_nothing_is_assumed_to_do_one_a_day()
    {
        var pace = Pace(0);
        Assert.Equal(1.0, pace.PerDay);
        Assert.Equal(1, pace.Missing(0, 2, Today));
    }

    [Fact]
    public void Positions_beyond_the_horizon_miss_even_the_last_day_of_it()
    {
        var pace = Pace(0);
        Assert.Equal(3, pace.Missing(0, 10, new DateOnly(2026, 12, 3))); // positions 8, 9, 10 come after Thursday 3/12
        Assert.Equal(new DateOnly(2026, 12, 4), pace.Expected(8));
    }

    [Fact]
    public void Holidays_are_not_working_days()
    {
        var pace = Pace(0, new DateOnly(2026, 11, 26)); // Thursday off
        Assert.Equal(0, pace.Missing(0, 2, new DateOnly(2026, 11, 27))); // Wednesday, Friday
        Assert.Equal(1, pace.Missing(0, 3, new DateOnly(2026, 11, 27))); // the third comes on Monday
    }

    [Fact]
    public void Nothing_due_means_nothing_missed() => Assert.Equal(0, Pace(3).Missing(5, 0, Today));

    [Fact]
    public void On_a_weekend_the_work_starts_on_the_next_working_day()
    {
        var saturday = new DateOnly(2026, 11, 28);
        var pace = new BreachForecast(new WorkingCalendar([]), saturday, 6, 5, new Dictionary<(string, HandlingAgency), int>()).For("14758", HandlingAgency.CommunePolice);
        Assert.Equal(new DateOnly(2026, 11, 30), pace.Expected(1)); // Monday, not Saturday
        Assert.Equal(1, pace.Missing(0, 2, new DateOnly(2026, 11, 30))); // the second comes on Tuesday
    }
}
