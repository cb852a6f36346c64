using System.Globalization;
using System.Text;

namespace Portal.Domain.Common;

public static class Text
{
    /// <summary>Folds case and Vietnamese diacritics (đ included), so <c>dang ky khai sinh</c> finds "Đăng ký khai sinh".</summary>
    public static string Fold(string value)
    {
        var decomposed = WellFormed(value).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>At most <paramref name="length"/> UTF-16 units, never splitting a surrogate pair.</summary>
    public static string Truncate(string value, int length)
    {
        if (value.Length <= length)
        {
            return value;
        }

        return char.IsHighSurrogate(value[length - 1]) ? value[..(length - 1)] : value[..length];
    }

    /// <summary>Drops what normalisation refuses (lone surrogates, non-characters) instead of failing on it.</summary>
    private static string WellFormed(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune != Rune.ReplacementChar && (rune.Value & 0xFFFE) != 0xFFFE && rune.Value is not (>= 0xFDD0 and <= 0xFDEF))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }
}
