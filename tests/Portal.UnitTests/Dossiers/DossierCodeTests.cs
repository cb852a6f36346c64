using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Common;
using Portal.Domain.Dossiers;

namespace Portal.UnitTests.Dossiers;

public sealed class DossierCodeTests
{
    [Fact]
    public void A_code_is_the_commune_the_local_day_and_a_four_digit_sequence()
    {
        var code = DossierCode.Create(CommuneCode.Parse("14758"), new DateOnly(2026, 11, 26), 7);

        Assert.Equal("14758-261126-0007", code.Value);
        Assert.Equal("14758", code.Commune.Value);
    }

    [Fact]
    public void Sequences_beyond_four_digits_keep_growing()
    {
        Assert.Equal("14758-261126-12345", DossierCode.Create(CommuneCode.Parse("14758"), new DateOnly(2026, 11, 26), 12345).Value);
    }

    [Fact]
    public void Different_sequences_days_or_communes_give_different_codes()
    {
        var day = new DateOnly(2026, 11, 26);
        var codes = new[]
        {
            DossierCode.Create(CommuneCode.Parse("14758"), day, 1),
            DossierCode.Create(CommuneCode.Parse("14758"), day, 2),
            DossierCode.Create(CommuneCode.Parse("14758"), day.AddDays(1), 1),
            DossierCode.Create(CommuneCode.Parse("14797"), day, 1),
        };

        Assert.Equal(codes.Length, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("14758-261126-0001", true)]
    [InlineData("14758-261126-001", false)]
    [InlineData("1475-261126-0001", false)]
    [InlineData("14758-26112-0001", false)]
    [InlineData("14758_261126_0001", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("14758-261126-0001' OR 1=1", false)]
    public void Parsing_accepts_only_the_documented_format(string? value, bool valid)
    {
        Assert.Equal(valid, DossierCode.IsValid(value));
        if (!valid)
        {
            Assert.Throws<DomainValidationException>(() => DossierCode.Parse(value));
        }
    }

    [Fact]
    public void A_sequence_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Create(CommuneCode.Parse("14758"), new DateOnly(2026, 1, 1), 0));
    }
}
