namespace Portal.Domain.Dossiers;

/// <summary>Cashless ways to pay at the counter ("3 không": no cash). There is deliberately no cash method.</summary>
public enum PaymentMethod
{
    BankTransfer = 1,
    Card = 2,
    EWallet = 3,
    VietQr = 4,
}

/// <summary>A fee paid for a dossier: method, the payment system's reference, amount and who recorded it.</summary>
public sealed record DossierPayment(PaymentMethod Method, string Reference, long AmountVnd, DateTimeOffset PaidAt, string RecordedBy)
{
    public const int ReferenceMaxLength = 64;
}
