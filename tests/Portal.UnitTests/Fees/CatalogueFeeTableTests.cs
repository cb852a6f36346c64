using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.ReferenceData;

namespace Portal.UnitTests.Fees;

/// <summary>
/// Every catalogue procedure × channel × a day before and after 24/06/2025 × with and without an exempt
/// category, under the seeded rules. The expected totals are written out by hand from FACTS.md.
/// </summary>
public sealed class CatalogueFeeTableTests
{
    private static readonly DateOnly Before = new(2025, 6, 23);
    private static readonly DateOnly After = new(2025, 6, 24);

    /// <summary>Scheduled totals (direct, online) for one filing with the form's default quantities, and whether the amount is a civil-status registration fee.</summary>
    private static readonly Dictionary<string, (long Direct, long Online, bool CivilStatusFee)> Schedule = new()
    {
        ["1.004222"] = (20_000, 10_000, false),  // permanent residence, Circular 75/2022
        ["1.004194"] = (15_000, 7_000, false),   // temporary residence
        ["1.002755"] = (15_000, 7_000, false),   // temporary residence extension
        ["1.003677"] = (0, 0, false),            // absence declaration
        ["1.010038"] = (10_000, 5_000, false),   // household split
        ["TH.CT.001"] = (0, 0, false),           // residence confirmation
        ["1.001193"] = (5_000, 5_000, true),     // birth registration (late rate; the form below is late)
        ["1.000894"] = (0, 0, false),            // marriage registration
        ["1.000656"] = (5_000, 5_000, true),     // death registration (late rate; the form below is late)
        ["1.004884"] = (5_000, 5_000, true),     // birth re-registration
        ["1.004873"] = (15_000, 15_000, true),   // marital status certificate
        ["2.000635"] = (8_000, 8_000, false),    // copy of a civil-status extract: a charge (phí), not exempt
        ["1.000881"] = (15_000, 15_000, true),   // civil-status correction
        ["2.000815"] = (2_000, 2_000, false),    // certified copy, one page
        ["2.000884"] = (10_000, 10_000, false),  // signature certification
        ["1.001612"] = (100_000, 100_000, false),// household business registration
    };

    public static TheoryData<string, FilingChannel, DateOnly, bool> Cases()
    {
        var data = new TheoryData<string, FilingChannel, DateOnly, bool>();
        foreach (var code in Schedule.Keys)
        {
            foreach (var channel in new[] { FilingChannel.Direct, FilingChannel.Online })
            {
                foreach (var day in new[] { Before, After })
                {
                    data.Add(code, channel, day, false);
                    data.Add(code, channel, day, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_seeded_rules_give_the_expected_total(string code, FilingChannel channel, DateOnly day, bool poorHousehold)
    {
        var procedure = ReferenceDataFiles.Procedures().Single(p => p.Code == code);
        var (direct, online, civilStatusFee) = Schedule[code];
        var scheduled = channel == FilingChannel.Direct ? direct : online;
        var expected = channel == FilingChannel.Online && day >= After ? 0
            : poorHousehold && civilStatusFee ? 0
            : scheduled;
        var context = new FeeContext(channel, day, poorHousehold ? new HashSet<string> { ApplicantCategories.PoorHousehold } : [], LateEventDates());

        var fee = FeeAssessor.Assess(procedure, context, ReferenceDataFiles.FeeRules());

        Assert.Equal(expected, fee.TotalVnd);
        Assert.Equal(scheduled, fee.BaseTotalVnd);
        Assert.All(fee.AppliedRules, r => Assert.False(string.IsNullOrWhiteSpace(r.LegalBasis.DocumentNumber)));
    }

    [Fact]
    public void Registering_a_birth_within_60_days_is_free_even_at_the_counter_and_late_pays_the_provincial_rate()
    {
        var birth = ReferenceDataFiles.Procedures().Single(p => p.Code == "1.001193");
        var rules = ReferenceDataFiles.FeeRules();
        var filed = new DateOnly(2026, 11, 26);

        var onTime = FeeAssessor.Assess(birth, Context(FilingChannel.Direct, filed, ("childDateOfBirth", "2026-09-27")), rules);
        var late = FeeAssessor.Assess(birth, Context(FilingChannel.Direct, filed, ("childDateOfBirth", "2026-09-26")), rules);

        Assert.Equal(EventTiming.OnTime, onTime.Timing);
        Assert.Equal(0, onTime.TotalVnd);
        Assert.Equal("60/2014/QH13", Assert.Single(onTime.AppliedRules).LegalBasis.DocumentNumber);
        Assert.Equal(EventTiming.Late, late.Timing);
        Assert.Equal(5_000, late.TotalVnd);
    }

    [Theory]
    [InlineData(1, 1, 2_000)]
    [InlineData(2, 1, 4_000)]
    [InlineData(3, 1, 5_000)]
    [InlineData(10, 1, 12_000)]
    [InlineData(10, 3, 36_000)]
    [InlineData(198, 1, 200_000)]
    [InlineData(250, 1, 200_000)]
    [InlineData(250, 2, 400_000)]
    public void Certified_copies_cost_2000_a_page_then_1000_from_page_three_capped_at_200000_a_copy(int pages, int copies, long expected)
    {
        var copy = ReferenceDataFiles.Procedures().Single(p => p.Code == "2.000815");

        var fee = FeeAssessor.Assess(copy, Context(FilingChannel.Direct, After, ("pageCount", $"{pages}"), ("copies", $"{copies}")), ReferenceDataFiles.FeeRules());

        Assert.Equal(expected, fee.TotalVnd);
        Assert.Equal(pages, fee.Lines[0].Units);
        Assert.Equal(copies, fee.Lines[0].Multiplier);
    }

    [Fact]
    public void Extract_copies_are_charged_per_copy_and_the_charge_is_not_a_civil_status_fee_exemption()
    {
        var extract = ReferenceDataFiles.Procedures().Single(p => p.Code == "2.000635");
        var context = new FeeContext(FilingChannel.Direct, After, new HashSet<string> { ApplicantCategories.Disability }, new Dictionary<string, string> { ["copies"] = "3" });

        Assert.Equal(24_000, FeeAssessor.Assess(extract, context, ReferenceDataFiles.FeeRules()).TotalVnd);
    }

    private static Dictionary<string, string> LateEventDates() => new() { ["childDateOfBirth"] = "2020-01-01", ["dateOfDeath"] = "2020-01-01" };

    private static FeeContext Context(FilingChannel channel, DateOnly day, params (string Key, string Value)[] fields) =>
        new(channel, day, new HashSet<string>(), fields.ToDictionary(f => f.Key, f => f.Value));
}
