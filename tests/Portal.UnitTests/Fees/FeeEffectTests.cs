using Portal.Domain.Catalogue;
using Portal.Domain.Fees;

namespace Portal.UnitTests.Fees;

public sealed class FeeEffectTests
{
    [Theory]
    [InlineData(100, 20_000, 20_000)]
    [InlineData(50, 15_000, 7_500)]
    [InlineData(0, 15_000, 0)]
    public void A_waiver_takes_its_percentage(int percent, long amount, long expected) =>
        Assert.Equal(expected, FeeEffect.Waive(percent).ReductionOf(amount));

    [Theory]
    [InlineData(5_000, 20_000, 5_000)]
    [InlineData(50_000, 20_000, 20_000)]
    [InlineData(5_000, 0, 0)]
    public void A_reduction_by_an_amount_never_goes_below_zero(long reduction, long amount, long expected) =>
        Assert.Equal(expected, FeeEffect.Reduce(reduction).ReductionOf(amount));

    [Fact]
    public void A_rule_with_its_own_province_scope_does_not_apply_elsewhere()
    {
        var rule = new FeeRule(Guid.NewGuid(), "Riêng tỉnh khác", TestData.Resolution12, new DateOnly(2025, 1, 1), null,
            new FeeRuleScope([], [], [], [], Provinces: ["01"]), 100);

        var fee = FeeAssessor.Assess(TestData.PermanentResidence, FilingChannel.Direct, new DateOnly(2026, 1, 1), [rule]);

        Assert.Equal(20_000, fee.TotalVnd);
    }

    [Fact]
    public void A_retired_rule_stops_applying_from_its_retirement_day()
    {
        var rule = TestData.OnlineWaiver();
        rule.Retire(new DateOnly(2026, 1, 1));

        Assert.Equal(0, FeeAssessor.Assess(TestData.PermanentResidence, FilingChannel.Online, new DateOnly(2025, 12, 31), [rule]).TotalVnd);
        Assert.Equal(10_000, FeeAssessor.Assess(TestData.PermanentResidence, FilingChannel.Online, new DateOnly(2026, 1, 1), [rule]).TotalVnd);
    }

    [Fact]
    public void A_rule_that_ends_before_it_starts_or_waives_over_100_percent_cannot_exist()
    {
        var scope = new FeeRuleScope([FilingChannel.Online], [], [], []);
        Assert.Throws<ArgumentException>(() => new FeeRule(Guid.NewGuid(), "x", TestData.Resolution12, new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), scope, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeRule(Guid.NewGuid(), "x", TestData.Resolution12, new DateOnly(2026, 1, 1), null, scope, 101));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeRule(Guid.NewGuid(), "x", TestData.Resolution12, new DateOnly(2026, 1, 1), null, scope, FeeEffect.Reduce(-1)));
    }

    [Fact]
    public void An_empty_scope_is_recognised_as_empty()
    {
        Assert.True(new FeeRuleScope([], [], [], []).IsEmpty);
        Assert.False(new FeeRuleScope([], [], [], [], Timing: EventTiming.OnTime).IsEmpty);
    }
}
