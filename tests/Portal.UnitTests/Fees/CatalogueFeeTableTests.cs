using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.ReferenceData;

namespace Portal.UnitTests.Fees;

/// <summary>
/// Every catalogue procedure × channel (direct, postal, online) × a day before and after 24/06/2025 ×
/// every applicant category (none, family with meritorious service, poor household, disability) ×
/// on time or late where the law distinguishes (birth and death registration), under the seeded
/// rules. The expected totals are written out by hand from FACTS.md.
/// </summary>
public sealed class CatalogueFeeTableTests
{
    private static readonly DateOnly Before = new(2025, 6, 23);
    private static readonly DateOnly After = new(2025, 6, 24);

    /// <summary>
    /// Scheduled totals (direct, online) for one filing with the form's default quantities, and whether the
    /// amount is a civil-status registration fee. Postal filing pays the counter's schedule (ADR 0008).
    /// </summary>
    private static readonly Dictionary<string, (long Direct, long Online, bool CivilStatusFee)> Schedule = new()
    {
        ["1.004222"] = (20_000, 10_000, false),  // permanent residence, Circular 75/2022
        ["1.004194"] = (15_000, 7_000, false),   // temporary residence
        ["1.002755"] = (15_000, 7_000, false),   // temporary residence extension
        ["1.003677"] = (0, 0, false),            // absence declaration
        ["1.010038"] = (10_000, 5_000, false),   // household split
        ["TH.CT.001"] = (0, 0, false),           // residence confirmation
        ["1.001193"] = (5_000, 5_000, true),     // birth registration (late rate; free on time)
        ["1.000894"] = (0, 0, false),            // marriage registration
        ["1.000656"] = (5_000, 5_000, true),     // death registration (late rate; free on time)
        ["1.004884"] = (5_000, 5_000, true),     // birth re-registration
        ["1.004873"] = (15_000, 15_000, true),   // marital status certificate
        ["2.000635"] = (8_000, 8_000, false),    // copy of a civil-status extract: a charge (phí), not exempt
        ["1.000881"] = (15_000, 15_000, true),   // civil-status correction
        ["2.000815"] = (2_000, 2_000, false),    // certified copy, one page
        ["2.000884"] = (10_000, 10_000, false),  // signature certification
        ["1.001612"] = (100_000, 100_000, false),// household business registration
    };

    /// <summary>Registrations the Law on Civil Status makes free when made on time (art. 11 cl. 1 pt. b).</summary>
    private static readonly HashSet<string> FreeOnTime = ["1.001193", "1.000656"];

    private static readonly string[] Categories = [string.Empty, ApplicantCategories.MeritoriousFamily, ApplicantCategories.PoorHousehold, ApplicantCategories.Disability];

    public static TheoryData<string, FilingChannel, DateOnly, string, bool> Cases()
    {
        var data = new TheoryData<string, FilingChannel, DateOnly, string, bool>();
        foreach (var code in Schedule.Keys)
        {
            foreach (var channel in new[] { FilingChannel.Direct, FilingChannel.Postal, FilingChannel.Online })
            {
                foreach (var day in new[] { Before, After })
                {
                    foreach (var category in Categories)
                    {
                        data.Add(code, channel, day, category, false);
                        if (FreeOnTime.Contains(code))
                        {
                            data.Add(code, channel, day, category, true);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_table_covers_every_procedure_of_the_catalogue()
    {
        Assert.Equal(ReferenceDataFiles.Procedures().Select(p => p.Code).Order(StringComparer.Ordinal), Schedule.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(432, Cases().Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_seeded_rules_give_the_expected_total(string code, FilingChannel channel, DateOnly day, string category, bool onTime)
    {
        var procedure = ReferenceDataFiles.Procedures().Single(p => p.Code == code);
        var (direct, online, civilStatusFee) = Schedule[code];
        var scheduled = channel == FilingChannel.Online ? online : direct;
        var expected = channel == FilingChannel.Online && day >= After ? 0
            : onTime ? 0
            : category.Length > 0 && civilStatusFee ? 0
            : scheduled;
        var eventDate = onTime ? day.AddDays(-1) : new DateOnly(2020, 1, 1);
        var fields = new Dictionary<string, string> { ["childDateOfBirth"] = $"{eventDate:yyyy-MM-dd}", ["dateOfDeath"] = $"{eventDate:yyyy-MM-dd}" };
        var context = new FeeContext(channel, day, category.Length > 0 ? new HashSet<string> { category } : [], fields);

        var fee = FeeAssessor.Assess(procedure, context, ReferenceDataFiles.FeeRules());

        Assert.Equal(expected, fee.TotalVnd);
        Assert.Equal(scheduled, fee.BaseTotalVnd);
        Assert.Equal(scheduled - expected, fee.AppliedRules.Sum(r => r.RemovedVnd));
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

    private static FeeContext Context(FilingChannel channel, DateOnly day, params (string Key, string Value)[] fields) =>
        new(channel, day, new HashSet<string>(), fields.ToDictionary(f => f.Key, f => f.Value));
}
