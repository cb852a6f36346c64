using System.Globalization;
using System.Text;

namespace Portal.Web.Infrastructure;

public static class Text
{
    /// <summary>Folds case and Vietnamese diacritics (đ included), so <c>dang ky khai sinh</c> finds "Đăng ký khai sinh".</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
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
}
