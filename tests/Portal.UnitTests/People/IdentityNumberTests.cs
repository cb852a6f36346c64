using Portal.Domain.Common;
using Portal.Domain.People;

namespace Portal.UnitTests.People;

public sealed class IdentityNumberTests
{
    [Theory]
    [InlineData("038095001234", true, 1995)]
    [InlineData("038198004321", true, 1998)]
    [InlineData("038205000001", true, 2005)]
    [InlineData("03809500123", false, 0)]
    [InlineData("0380900000015", false, 0)]
    [InlineData("03809500123a", false, 0)]
    [InlineData("038695001234", false, 0)]
    public void A_citizen_ID_is_twelve_digits_with_a_century_and_sex_digit(string value, bool valid, int birthYear)
    {
        Assert.Equal(valid, CitizenId.IsValid(value));
        if (valid)
        {
            Assert.Equal(birthYear, CitizenId.Parse(value).BirthYear);
        }
        else
        {
            Assert.Throws<DomainValidationException>(() => CitizenId.Parse(value));
        }
    }

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("+84912345678", "0912345678")]
    [InlineData("091 234 5678", "0912345678")]
    [InlineData("0323456789", "0323456789")]
    public void Vietnamese_mobile_numbers_are_normalised_to_ten_digits(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Parse(input).Value);
    }

    [Theory]
    [InlineData("0112345678")]
    [InlineData("091234567")]
    [InlineData("09123456789")]
    [InlineData("+1 912345678")]
    [InlineData("")]
    public void Other_numbers_are_refused(string input)
    {
        Assert.False(PhoneNumber.IsValid(input));
    }
}
