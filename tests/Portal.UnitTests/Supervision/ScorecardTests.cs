using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Statistics;
using Portal.Web.Features.Supervision;

namespace Portal.UnitTests.Supervision;

/// <summary>Decision 766's formulas on cases computed by hand.</summary>
public sealed class ScorecardTests
{
    private static UnitFigures Unit(int online, int direct, int early, int onTime, int late, int liked = 0, int disliked = 0, int digitised = 0, int reused = 0) =>
        new("14758", "Phường Hàm Rồng", null, online, direct, early, onTime, late, 0, 0, 0, 0, 0, 0, liked, disliked) { Digitised = digitised, ReusedData = reused };

    [Fact]
    public void Rates_follow_the_national_formulas()
    {
        // 40 received, 30 online; 20 finished: 5 early, 13 on time, 2 late; 10 ratings, 1 disliked.
        var u = Unit(online: 30, direct: 10, early: 5, onTime: 13, late: 2, liked: 9, disliked: 1);

        Assert.Equal(90.0, u.OnTimeRate); // (5 + 13) / 20
        Assert.Equal(75.0, u.OnlineShare); // 30 / 40
        Assert.Equal(85.0, u.Satisfaction!.Value, 6); // 100 − (2 / 20 = 10 % late + 1 / 20 = 5 % of finished dossiers disliked)
    }

    [Fact]
    public void Points_are_proportional_and_capped_at_the_full_mark()
    {
        // 40 received: 34 digitised (30 online, 4 scanned at the counter) = 85 %, 8 reusing an earlier result = 20 %.
        var score = Scorecard.Of(Unit(online: 30, direct: 10, early: 5, onTime: 13, late: 2, liked: 9, disliked: 1, digitised: 34, reused: 8));

        Assert.Equal(18.0, score.Timeliness, 6); // 20 × 90 %
        Assert.Equal(22.0, score.Online, 6); // 75 % ≥ 50 %: full
        Assert.Equal(13.75, score.Digitisation, 6); // 11 × min(1, 85 / 80) + 11 × 20 / 80 = 11 + 2.75
        Assert.Equal(17.0, score.Satisfaction, 6); // 18 × 85 / 90
        Assert.Equal(70.75, score.Total, 6); // 18 + 22 + 13.75 + 17
    }

    [Fact]
    public void A_unit_with_nothing_finished_has_no_rate_and_no_points_for_it()
    {
        var u = Unit(online: 0, direct: 0, early: 0, onTime: 0, late: 0);

        Assert.Null(u.OnTimeRate);
        Assert.Null(u.OnlineShare);
        Assert.Null(u.Satisfaction);
        Assert.Equal(0, Scorecard.Of(u).Total);
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-01", false)] // reversed
    [InlineData("2020-01-01", "2026-11-26", false)] // longer than two years
    [InlineData("1999-12-01", "2000-01-05", false)] // before any portal
    [InlineData("2026-11-01", "2026-11-26", true)]
    public void A_period_is_a_sensible_range_of_days(string from, string to, bool valid)
    {
        var today = new DateOnly(2026, 11, 26);
        Assert.Equal(valid, Period.Of(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), today) is not null);
        Assert.Equal(new Period(today.AddDays(-29), today), Period.Of(null, null, today));
    }

    [Fact]
    public void The_average_processing_time_counts_from_reception_and_only_dossiers_finished_early_on_time_or_late()
    {
        var filed = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(7));
        var row = DossierStatistic.Empty(new("14758", HandlingAgency.CommuneCommittee, "1.001193", new DateOnly(2026, 11, 4)));
        // Received a day after filing, finished 1 day later; another never received, finished 2 days after filing; a withdrawal adds no time.
        StatisticRules.Completed(row, DossierStatus.Processed, ProcessingOutcome.Approved, Timeliness.OnTime,
            StatisticRules.Processing(filed, filed.AddDays(1), filed.AddDays(2)));
        StatisticRules.Completed(row, DossierStatus.Processed, ProcessingOutcome.Approved, Timeliness.Late,
            StatisticRules.Processing(filed, null, filed.AddDays(2)));
        StatisticRules.Completed(row, DossierStatus.Withdrawn, null, null, TimeSpan.FromDays(5));

        Assert.Equal(3 * 24 * 60, row.ProcessingMinutes);
        var figures = new ProcedureFigures("1.001193", "Đăng ký khai sinh", row.CompletedEarly + row.CompletedOnTime + row.CompletedLate, row.CompletedLate, row.ProcessingMinutes);
        Assert.Equal(1.5, figures.AverageDays); // (1 + 2) / 2
        Assert.Equal(50.0, figures.LateRate);
        Assert.Null(new ProcedureFigures("x", "x", 0, 0, 0).AverageDays);
    }
}
