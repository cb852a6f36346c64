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
        var rules = string.Join("; ", fee.AppliedRules.Select(r => l["{0} theo {1} ({2})", r.Name, Reference(r.LegalBasis), Format.Money(r.RemovedVnd)].Value));
        if (fee.AppliedRules.Count == 0)
        {
            return l["Bạn nộp {0} theo mức thu của {1}.", Format.Money(fee.TotalVnd), schedule];
        }

        return fee.TotalVnd == 0
            ? l["Bạn không phải nộp {0} theo mức thu của {1}, vì được miễn: {2}.", Format.Money(fee.BaseTotalVnd), schedule, rules]
            : l["Bạn nộp {0}: mức thu {1} theo {2}, được giảm: {3}.", Format.Money(fee.TotalVnd), Format.Money(fee.BaseTotalVnd), schedule, rules];
    }

    private static string Reference(LegalBasis basis) =>
        basis.Article is { Length: > 0 } article ? $"{article} {basis.DocumentNumber}" : $"{basis.DocumentNumber} ({Format.Date(basis.IssuedOn)})";
}
