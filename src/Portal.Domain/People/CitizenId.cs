using Portal.Domain.Common;

namespace Portal.Domain.People;

/// <summary>
/// The 12-digit personal identification number (CCCD). Digit 4 encodes century and sex
/// (0-1: 1900s, 2-3: 2000s, 4-5: 2100s), digits 5-6 the last two digits of the birth year.
/// </summary>
public readonly record struct CitizenId
{
    public const int Length = 12;

    private CitizenId(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? value)
    {
        if (value is not { Length: Length } || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        return value[3] is >= '0' and <= '5';
    }

    public static CitizenId Parse(string? value)
    {
        var trimmed = value?.Trim();
        return IsValid(trimmed)
            ? new CitizenId(trimmed!)
            : throw new DomainValidationException("citizen-id.invalid", "A citizen ID is 12 digits.");
    }

    public int BirthYear
    {
        get
        {
            var century = 1900 + ((Value[3] - '0') / 2 * 100);
            return century + int.Parse(Value.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The ID as lists, headers and logs show it: the first three and last three digits (<c>038******001</c>).</summary>
    public string Masked => Mask(Value);

    /// <summary>
    /// <paramref name="value"/> with its middle six digits hidden if it is a citizen ID; anything else (a staff
    /// account's user name) unchanged.
    /// </summary>
    public static string Mask(string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiDigit) ? string.Concat(value.AsSpan(0, 3), "******", value.AsSpan(9, 3)) : value ?? string.Empty;

    public override string ToString() => Value;
}
