namespace Portal.Domain.Fees;

/// <summary>
/// A fee policy held as data: a legal basis, an effective period, a scope and an effect
/// (waive a percentage of the scheduled amount).
/// </summary>
public sealed class FeeRule
{
    public const int NameMaxLength = 200;

    private FeeRule()
    {
        Name = string.Empty;
        LegalBasis = null!;
        Scope = null!;
    }

    public FeeRule(Guid id, string name, LegalBasis legalBasis, DateOnly effectiveFrom, DateOnly? effectiveTo, FeeRuleScope scope, int waivePercent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(waivePercent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(waivePercent, 100);
        if (effectiveTo < effectiveFrom)
        {
            throw new ArgumentException("A rule cannot end before it starts.", nameof(effectiveTo));
        }

        Id = id;
        Name = name;
        LegalBasis = legalBasis;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        Scope = scope;
        WaivePercent = waivePercent;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public LegalBasis LegalBasis { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Last day the rule applies; null while it has no end date.</summary>
    public DateOnly? EffectiveTo { get; private set; }

    public FeeRuleScope Scope { get; private set; }

    public int WaivePercent { get; private set; }

    public bool IsInForceOn(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is null || day <= EffectiveTo);

    /// <summary>The amount this rule takes off a scheduled amount, never more than the amount itself.</summary>
    public long ReductionOf(long amountVnd) => amountVnd * WaivePercent / 100;
}
