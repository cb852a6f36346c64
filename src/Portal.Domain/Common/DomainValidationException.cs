namespace Portal.Domain.Common;

/// <summary>Thrown by a value object given a value that can never be valid (a mistyped ID, a malformed code).</summary>
public sealed class DomainValidationException(string code, string message) : ArgumentException(message)
{
    public string Code { get; } = code;
}
