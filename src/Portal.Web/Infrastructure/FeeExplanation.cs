using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Fees;

namespace Portal.Web.Infrastructure;

/// <summary>The fee assessment told as one sentence a citizen understands, in their language.</summary>
public static class FeeExplanation
{
    public static string For(FeeAssessment fee, IStringLocalizer l)
    {
        if (fee.Lines.Count == 0)
        {
            return l["Thủ tục này không thu phí, lệ phí."];
        }

        var schedule = string.Join(", ", fee.Lines.Select(line => line.FeeBasis.DocumentNumber).Distinct());
        // A rule's name is written by an administrator in Vietnamese; in English the act's English title stands for it.
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var rules = string.Join("; ", fee.AppliedRules.Select(r =>
            l["{0} theo {1} ({2})", english ? r.LegalBasis.TitleEn : r.Name, Reference(r.LegalBasis, english), Format.Money(r.RemovedVnd)].Value));
        if (fee.AppliedRules.Count == 0)
        {
            return l["Bạn nộp {0} theo mức thu của {1}.", Format.Money(fee.TotalVnd), schedule];
        }

        return fee.TotalVnd == 0
            ? l["Bạn không phải nộp {0} theo mức thu của {1}, vì được miễn: {2}.", Format.Money(fee.BaseTotalVnd), schedule, rules]
            : l["Bạn nộp {0}: mức thu {1} theo {2}, được giảm: {3}.", Format.Money(fee.TotalVnd), Format.Money(fee.BaseTotalVnd), schedule, rules];
    }

    private static string Reference(LegalBasis basis, bool english) =>
        basis.Article is { Length: > 0 } article
            ? english ? $"{EnglishArticle(article)} of {basis.DocumentNumber}" : $"{article} {basis.DocumentNumber}"
            : $"{basis.DocumentNumber} ({Format.Date(basis.IssuedOn)})";

    /// <summary>"Điều 11, khoản 1, điểm b" as "Article 11, clause 1, point b".</summary>
    public static string EnglishArticle(string article) =>
        article.Replace("Điều", "Article", StringComparison.OrdinalIgnoreCase)
            .Replace("khoản", "clause", StringComparison.OrdinalIgnoreCase)
            .Replace("điểm", "point", StringComparison.OrdinalIgnoreCase);
}
