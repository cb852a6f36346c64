using Portal.Domain.People;

namespace Portal.UnitTests.People;

public sealed class CitizenIdConsistencyTests
{
    private static readonly IReadOnlySet<string> Provinces = new HashSet<string> { "038", "001" };

    [Theory]
    [InlineData("038090000001", 1990, Sex.Male)]
    [InlineData("038195000002", 1995, Sex.Female)]
    [InlineData("001205000003", 2005, Sex.Male)]
    [InlineData("038301000017", 2001, Sex.Female)]
    public void An_ID_that_agrees_with_birth_year_century_sex_and_province_has_no_problem(string id, int year, Sex sex)
    {
        Assert.Empty(CitizenIdConsistency.Problems(CitizenId.Parse(id), new DateOnly(year, 6, 1), sex, Provinces));
    }

    [Theory]
    [InlineData("099090000001", 1990, Sex.Male, "citizen-id.province")]
    [InlineData("038090000001", 2090, Sex.Male, "citizen-id.century")]
    [InlineData("038090000001", 1990, Sex.Female, "citizen-id.sex")]
    [InlineData("038090000001", 1991, Sex.Male, "citizen-id.birth-year")]
    public void Each_contradiction_is_named(string id, int year, Sex sex, string problem)
    {
        Assert.Contains(problem, CitizenIdConsistency.Problems(CitizenId.Parse(id), new DateOnly(year, 6, 1), sex, Provinces));
    }
}
