using Portal.Domain.Common;

namespace Portal.Domain.Dossiers.Rules;

/// <summary>A payment settles the frozen fee exactly, once, with a cashless method and a reference.</summary>
public sealed class PaymentMustSettleTheFeeRule(Dossier dossier, DossierPayment payment) : IBusinessRule
{
    public string Code => "dossier.payment.invalid";

    public string Message => "The payment must match the assessed fee, once, with a cashless method and a reference.";

    public bool IsBroken() =>
        dossier.Payment is not null
        || payment.AmountVnd != dossier.Fee.TotalVnd
        || payment.AmountVnd <= 0
        || !Enum.IsDefined(payment.Method)
        || string.IsNullOrWhiteSpace(payment.Reference)
        || payment.Reference.Length > DossierPayment.ReferenceMaxLength;
}
