using Portal.Domain.Fees;

namespace Portal.Domain.Catalogue;

/// <summary>Lệ phí (fee) or phí (charge) as scheduled by law, before any waiver.</summary>
public enum FeeKind
{
    Fee = 1,
    Charge = 2,
}

/// <summary>Whose act sets the amount: the central government (Ministry of Finance) or the provincial People's Council.</summary>
public enum FeeAuthority
{
    Central = 1,
    Provincial = 2,
}

/// <summary>From the <see cref="FromUnit"/>-th unit (page, copy) on, each unit costs <see cref="AmountPerUnitVnd"/>.</summary>
public sealed record FeeTier(int FromUnit, long AmountPerUnitVnd);

/// <summary>
/// An amount the schedule charges for one channel, with the act that sets it. Flat by default; per unit
/// when <see cref="QuantityField"/> names the form field holding the number of units (pages, copies),
/// priced by <see cref="Tiers"/> (or <see cref="AmountVnd"/> per unit), capped at <see cref="CapVnd"/>, and
/// multiplied by <see cref="MultiplierField"/> (e.g. the number of certified copies).
/// </summary>
public sealed record ScheduledFee(
    FilingChannel Channel,
    FeeKind Kind,
    FeeAuthority Authority,
    long AmountVnd,
    string NameVi,
    string NameEn,
    LegalBasis LegalBasis,
    string? QuantityField = null,
    IReadOnlyList<FeeTier>? Tiers = null,
    long? CapVnd = null,
    string? MultiplierField = null)
{
    /// <summary>Units and multipliers beyond this are refused by validation; pricing stays exact below it.</summary>
    public const int MaxUnits = 10_000;

    public bool IsPerUnit => QuantityField is not null;

    /// <summary>The scheduled price for <paramref name="units"/> units, <paramref name="multiplier"/> times.</summary>
    public long PriceFor(int units, int multiplier)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        ArgumentOutOfRangeException.ThrowIfNegative(multiplier);
        var single = QuantityField is null ? AmountVnd : TieredPrice(units);
        if (CapVnd is { } cap)
        {
            single = Math.Min(single, cap);
        }

        return single * (MultiplierField is null ? 1 : multiplier);
    }

    private long TieredPrice(int units)
    {
        if (Tiers is not { Count: > 0 })
        {
            return AmountVnd * units;
        }

        var ordered = Tiers.OrderBy(t => t.FromUnit).ToList();
        long total = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var first = Math.Max(ordered[i].FromUnit, 1);
            var last = i + 1 < ordered.Count ? ordered[i + 1].FromUnit - 1 : units;
            var count = Math.Min(last, units) - first + 1;
            if (count > 0)
            {
                total += count * ordered[i].AmountPerUnitVnd;
            }
        }

        return total;
    }
}
