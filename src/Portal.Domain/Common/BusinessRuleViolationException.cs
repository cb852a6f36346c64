namespace Portal.Domain.Common;

public sealed class BusinessRuleViolationException(IBusinessRule rule) : InvalidOperationException(rule.Message)
{
    public IBusinessRule Rule { get; } = rule;
}
