using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.ReferenceData;

namespace Portal.UnitTests.ReferenceData;

public sealed class ReferenceDataFilesTests
{
    [Fact]
    public void Thanh_Hoa_has_166_commune_level_units_19_wards_and_147_communes()
    {
        var communes = ReferenceDataFiles.Communes();

        Assert.Equal(166, communes.Count);
        Assert.Equal(19, communes.Count(c => c.UnitType == "Phường"));
        Assert.Equal(147, communes.Count(c => c.UnitType == "Xã"));
        Assert.Equal(166, communes.Select(c => c.Code).Distinct().Count());
        Assert.Contains(communes, c => c.Code.Value == "14758" && c.FullName == "Phường Hàm Rồng");
    }

    [Fact]
    public void The_catalogue_holds_the_sixteen_commune_procedures_for_both_agencies()
    {
        var procedures = ReferenceDataFiles.Procedures();

        Assert.Equal(16, procedures.Count);
        Assert.Equal(16, procedures.Select(p => p.Code).Distinct().Count());
        Assert.Equal(6, procedures.Count(p => p.Agency == HandlingAgency.CommunePolice));
        Assert.Equal(10, procedures.Count(p => p.Agency == HandlingAgency.CommuneCommittee));
        Assert.All(procedures, p =>
        {
            Assert.NotEmpty(p.FormFields);
            Assert.False(string.IsNullOrWhiteSpace(p.NameEn));
            Assert.Equal(p.Agency == HandlingAgency.CommunePolice, p.TiedToResidence);
        });
    }

    [Fact]
    public void Residence_fees_follow_Circular_75_by_channel()
    {
        var permanent = ReferenceDataFiles.Procedures().Single(p => p.Code == "1.004222");

        Assert.Equal(20_000, permanent.FeesFor(FilingChannel.Direct).Single().AmountVnd);
        Assert.Equal(10_000, permanent.FeesFor(FilingChannel.Online).Single().AmountVnd);
        Assert.Equal("75/2022/TT-BTC", permanent.Fees[0].LegalBasis.DocumentNumber);
    }

    [Fact]
    public void The_seeded_online_waiver_is_Resolution_12_from_24_June_2025()
    {
        var rule = ReferenceDataFiles.FeeRules().Single(r => r.LegalBasis.DocumentNumber == "12/2025/NQ-HĐND");

        Assert.Equal("12/2025/NQ-HĐND", rule.LegalBasis.DocumentNumber);
        Assert.Equal(new DateOnly(2025, 6, 24), rule.EffectiveFrom);
        Assert.Equal([FilingChannel.Online], rule.Scope.Channels);
        Assert.Equal(FeeEffect.Waive(100), rule.Effect);
    }

    [Fact]
    public void Holidays_include_national_day_and_swapped_working_days()
    {
        var days = ReferenceDataFiles.Holidays();

        Assert.Contains(days, d => d.Date == new DateOnly(2026, 9, 2) && !d.IsWorkingDay);
        Assert.Contains(days, d => d.IsWorkingDay);
        Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
    }
}
