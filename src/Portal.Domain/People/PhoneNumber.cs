using System.Text.RegularExpressions;
using Portal.Domain.Common;

namespace Portal.Domain.People;

/// <summary>A Vietnamese mobile number, normalised to the 10-digit national form (0xxxxxxxxx).</summary>
public readonly partial record struct PhoneNumber
{
    public const int MaxInputLength = 15;

    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(Compact(value));

    public static PhoneNumber Parse(string? value)
    {
        if (!IsValid(value))
        {
            throw new DomainValidationException("phone.invalid", "Not a Vietnamese mobile number.");
        }

        var compact = Compact(value!);
        return new PhoneNumber(compact.StartsWith("+84", StringComparison.Ordinal) ? "0" + compact[3..] : compact);
    }

    public override string ToString() => Value;

    private static string Compact(string value) => value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex("^(0|\\+84)(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])[0-9]{7}$")]
    private static partial Regex Pattern();
}
