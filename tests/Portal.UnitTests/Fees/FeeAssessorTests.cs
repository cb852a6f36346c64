using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.ReferenceData;

namespace Portal.UnitTests.Fees;

public sealed class FeeAssessorTests
{
    private static readonly DateOnly DayBefore = new(2025, 6, 23);
    private static readonly DateOnly ResolutionDay = new(2025, 6, 24);

    [Fact]
    public void Filing_online_before_24_June_2025_pays_the_online_schedule()
    {
        var fee = FeeAssessor.Assess(TestData.PermanentResidence, FilingChannel.Online, DayBefore, [TestData.OnlineWaiver()]);

        Assert.Equal(10_000, fee.TotalVnd);
        Assert.Equal(0, fee.WaivedVnd);
        Assert.Empty(fee.AppliedBases);
    }

    [Fact]
    public void Filing_online_from_24_June_2025_is_zero_with_Resolution_12_as_its_basis()
    {
        var fee = FeeAssessor.Assess(TestData.PermanentResidence, FilingChannel.Online, ResolutionDay, [TestData.OnlineWaiver()]);

        Assert.Equal(0, fee.TotalVnd);
        Assert.Equal(10_000, fee.BaseTotalVnd);
        Assert.Equal(10_000, fee.WaivedVnd);
        var line = Assert.Single(fee.Lines);
        Assert.Equal("75/2022/TT-BTC", line.FeeBasis.DocumentNumber);
        Assert.Equal("12/2025/NQ-HĐND", line.RuleBasis?.DocumentNumber);
        Assert.Equal("12/2025/NQ-HĐND", Assert.Single(fee.AppliedBases).DocumentNumber);
    }

    [Fact]
    public void Filing_at_the_counter_still_pays_the_direct_schedule()
    {
        var fee = FeeAssessor.Assess(TestData.PermanentResidence, FilingChannel.Direct, ResolutionDay, [TestData.OnlineWaiver()]);

        Assert.Equal(20_000, fee.TotalVnd);
        Assert.Null(Assert.Single(fee.Lines).RuleName);
    }

    [Fact]
    public void A_rule_past_its_end_date_no_longer_applies()
    {
        var expired = TestData.OnlineWaiver(to: new DateOnly(2025, 12, 31));

        var fee = FeeAssessor.Assess(TestData.PermanentResidence, FilingChannel.Online, new DateOnly(2026, 1, 1), [expired]);

        Assert.Equal(10_000, fee.TotalVnd);
    }

    [Fact]
    public void A_rule_scoped_to_other_procedures_does_not_touch_this_one()
    {
        var other = TestData.OnlineWaiver(procedures: ["1.001193"]);

        var fee = FeeAssessor.Assess(TestData.PermanentResidence, FilingChannel.Online, ResolutionDay, [other]);

        Assert.Equal(10_000, fee.TotalVnd);
    }

    [Fact]
    public void With_several_rules_the_most_favourable_applies_and_never_below_zero()
    {
        var half = new FeeRule(Guid.NewGuid(), "Giảm 50%", TestData.Resolution12, ResolutionDay, null, new FeeRuleScope([], [], [], []), 50);

        var fee = FeeAssessor.Assess(TestData.PermanentResidence, FilingChannel.Online, ResolutionDay, [half, TestData.OnlineWaiver(), half]);

        Assert.Equal(0, fee.TotalVnd);
        Assert.Equal(10_000, fee.WaivedVnd);
    }

    [Fact]
    public void A_procedure_without_a_scheduled_fee_costs_nothing_and_lists_no_line()
    {
        var fee = FeeAssessor.Assess(TestData.BirthRegistration, FilingChannel.Online, ResolutionDay, [TestData.OnlineWaiver()]);

        Assert.Equal(0, fee.TotalVnd);
        Assert.Empty(fee.Lines);
    }

    [Fact]
    public void The_seeded_rules_make_every_catalogue_procedure_free_online_and_leave_the_counter_schedule()
    {
        var rules = ReferenceDataFiles.FeeRules();
        var today = new DateOnly(2026, 11, 26);

        foreach (var procedure in ReferenceDataFiles.Procedures())
        {
            Assert.Equal(0, FeeAssessor.Assess(procedure, FilingChannel.Online, today, rules).TotalVnd);
            Assert.Equal(
                procedure.FeesFor(FilingChannel.Direct).Sum(f => f.AmountVnd),
                FeeAssessor.Assess(procedure, FilingChannel.Direct, today, rules).TotalVnd);
        }
    }
}
