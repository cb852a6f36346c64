using System.Globalization;
using Portal.Domain.Calendar;

namespace Portal.Web.Infrastructure;

/// <summary>How the portal writes money, dates and times: <c>20.000 ₫</c>, <c>dd/MM/yyyy</c>, Asia/Ho_Chi_Minh.</summary>
public static class Format
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Money(long amountVnd) => amountVnd.ToString("N0", Vietnamese) + " ₫";

    public static string Date(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A day typed or picked in a form: <c>yyyy-MM-dd</c> (a date input) or <c>dd/MM/yyyy</c>; null otherwise.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Picks the Vietnamese or English text of a bilingual reference value.</summary>
    public static string Pick(string vietnamese, string english) => IsEnglish ? english : vietnamese;
}
