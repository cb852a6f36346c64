namespace Portal.Domain.People;

/// <summary>
/// What a citizen ID says about its holder, checked against what they declare: digits 1-3 are the
/// province of birth registration, digit 4 the century and sex (0/1: 1900s male/female, 2/3: 2000s,
/// 4/5: 2100s), digits 5-6 the last two digits of the birth year. The province codes are data.
/// </summary>
public static class CitizenIdConsistency
{
    public static IReadOnlyList<string> Problems(CitizenId id, DateOnly dateOfBirth, Sex sex, IReadOnlySet<string> provinceCodes)
    {
        var problems = new List<string>();
        if (!provinceCodes.Contains(id.Value[..3]))
        {
            problems.Add("citizen-id.province");
        }

        var digit = id.Value[3] - '0';
        var century = 1900 + (digit / 2 * 100);
        if (dateOfBirth.Year / 100 * 100 != century)
        {
            problems.Add("citizen-id.century");
        }

        if ((digit % 2 == 0 ? Sex.Male : Sex.Female) != sex)
        {
            problems.Add("citizen-id.sex");
        }

        if (int.Parse(id.Value.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture) != dateOfBirth.Year % 100)
        {
            problems.Add("citizen-id.birth-year");
        }

        return problems;
    }
}
