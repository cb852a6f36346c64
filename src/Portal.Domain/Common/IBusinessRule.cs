namespace Portal.Domain.Common;

/// <summary>A named business rule; <see cref="Code"/> is the key the UI translates into the user's language.</summary>
public interface IBusinessRule
{
    string Code { get; }

    string Message { get; }

    bool IsBroken();
}
