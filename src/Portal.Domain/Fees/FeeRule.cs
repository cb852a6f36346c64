using System.Diagnostics.CodeAnalysis;

namespace Portal.Domain.Fees;

/// <summary>
/// A fee policy held as data: a legal basis, an effective period, a scope and an effect. Edited by
/// administrators; an edit never touches assessments already frozen on dossiers.
/// </summary>
public sealed class FeeRule
{
    public const int NameMaxLength = 200;

    private FeeRule()
    {
        Name = string.Empty;
        LegalBasis = null!;
        Scope = null!;
        Effect = null!;
    }

    public FeeRule(Guid id, string name, LegalBasis legalBasis, DateOnly effectiveFrom, DateOnly? effectiveTo, FeeRuleScope scope, FeeEffect effect)
    {
        Id = id;
        Apply(name, legalBasis, effectiveFrom, effectiveTo, scope, effect);
        Version = 1;
    }

    public FeeRule(Guid id, string name, LegalBasis legalBasis, DateOnly effectiveFrom, DateOnly? effectiveTo, FeeRuleScope scope, int waivePercent)
        : this(id, name, legalBasis, effectiveFrom, effectiveTo, scope, FeeEffect.Waive(waivePercent))
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public LegalBasis LegalBasis { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Last day the rule applies; null while it has no end date.</summary>
    public DateOnly? EffectiveTo { get; private set; }

    public FeeRuleScope Scope { get; private set; }

    public FeeEffect Effect { get; private set; }

    /// <summary>A retired rule stays for the record (and for the replay of past filings) but applies to nothing new.</summary>
    public DateOnly? RetiredOn { get; private set; }

    public int Version { get; private set; }

    public bool IsInForceOn(DateOnly day) =>
        day >= EffectiveFrom && (EffectiveTo is null || day <= EffectiveTo) && (RetiredOn is null || day < RetiredOn);

    public void Change(string name, LegalBasis legalBasis, DateOnly effectiveFrom, DateOnly? effectiveTo, FeeRuleScope scope, FeeEffect effect)
    {
        Apply(name, legalBasis, effectiveFrom, effectiveTo, scope, effect);
        Version++;
    }

    public void Retire(DateOnly from)
    {
        RetiredOn = from;
        Version++;
    }

    /// <summary>A copy with the same identity, for previews that must not touch the stored rule.</summary>
    public FeeRule Draft(string name, LegalBasis legalBasis, DateOnly effectiveFrom, DateOnly? effectiveTo, FeeRuleScope scope, FeeEffect effect) =>
        new(Id, name, legalBasis, effectiveFrom, effectiveTo, scope, effect) { Version = Version + 1, RetiredOn = RetiredOn };

    [MemberNotNull(nameof(Name), nameof(LegalBasis), nameof(Scope), nameof(Effect))]
    private void Apply(string name, LegalBasis legalBasis, DateOnly effectiveFrom, DateOnly? effectiveTo, FeeRuleScope scope, FeeEffect effect)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(legalBasis.DocumentNumber);
        if (effectiveTo < effectiveFrom)
        {
            throw new ArgumentException("A rule cannot end before it starts.", nameof(effectiveTo));
        }

        if (effect.Kind == FeeEffectKind.WaivePercent && effect.Percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(effect), "A waiver is 0 to 100 percent.");
        }

        if (effect.AmountVnd < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(effect), "A reduction cannot be negative.");
        }

        (Name, LegalBasis, EffectiveFrom, EffectiveTo, Scope, Effect) = (name.Trim(), legalBasis, effectiveFrom, effectiveTo, scope, effect);
    }
}
