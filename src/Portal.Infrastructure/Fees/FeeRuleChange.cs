namespace Portal.Infrastructure.Fees;

public enum FeeRuleChangeKind
{
    Created = 1,
    Updated = 2,
    Retired = 3,
}

/// <summary>The audit trail of fee rules: who changed which rule, when, and the rule before and after (JSON).</summary>
public sealed class FeeRuleChange
{
    public const int ActorMaxLength = 100;

    public long Id { get; private set; }

    public required Guid RuleId { get; init; }

    public required FeeRuleChangeKind Kind { get; init; }

    public required string Actor { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? Before { get; init; }

    public required string After { get; init; }
}
