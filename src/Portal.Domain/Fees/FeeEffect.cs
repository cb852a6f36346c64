namespace Portal.Domain.Fees;

public enum FeeEffectKind
{
    /// <summary>Waive a percentage of each covered amount.</summary>
    WaivePercent = 1,

    /// <summary>Take a fixed amount off each covered amount (never below zero).</summary>
    ReduceAmount = 2,
}

public sealed record FeeEffect(FeeEffectKind Kind, int Percent, long AmountVnd)
{
    public static FeeEffect Waive(int percent) => new(FeeEffectKind.WaivePercent, percent, 0);

    public static FeeEffect Reduce(long amountVnd) => new(FeeEffectKind.ReduceAmount, 0, amountVnd);

    /// <summary>What this effect takes off an amount: between zero and the amount itself.</summary>
    public long ReductionOf(long amountVnd) => Kind switch
    {
        FeeEffectKind.WaivePercent => Math.Clamp(amountVnd * Percent / 100, 0, amountVnd),
        FeeEffectKind.ReduceAmount => Math.Clamp(AmountVnd, 0, amountVnd),
        _ => 0,
    };
}
