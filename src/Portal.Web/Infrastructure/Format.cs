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

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Picks the Vietnamese or English text of a bilingual reference value.</summary>
    public static string Pick(string vietnamese, string english) => IsEnglish ? english : vietnamese;
}
