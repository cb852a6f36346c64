using Portal.Domain.Common;

namespace Portal.Domain.AdministrativeUnits;

/// <summary>The national 5-digit code of a commune-level unit (Decision 19/2025/QĐ-TTg list).</summary>
public readonly record struct CommuneCode
{
    public const int Length = 5;

    private CommuneCode(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiDigit);

    public static CommuneCode Parse(string? value) =>
        IsValid(value)
            ? new CommuneCode(value!)
            : throw new DomainValidationException("commune.code.invalid", $"'{value}' is not a 5-digit commune code.");

    public override string ToString() => Value;
}
