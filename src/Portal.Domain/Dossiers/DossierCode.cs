using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Common;

namespace Portal.Domain.Dossiers;

/// <summary>
/// The code a citizen quotes: <c>{communeCode}-{yyMMdd}-{sequence}</c>, the sequence counted per
/// receiving commune and local day, at least four digits.
/// </summary>
public readonly partial record struct DossierCode
{
    public const int MaxLength = 24;

    private DossierCode(string value) => Value = value;

    public string Value { get; }

    public static DossierCode Create(CommuneCode commune, DateOnly localDay, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var value = string.Create(CultureInfo.InvariantCulture, $"{commune.Value}-{localDay:yyMMdd}-{sequence:D4}");
        return new DossierCode(value);
    }

    public static bool IsValid(string? value) => value is { Length: <= MaxLength } && Pattern().IsMatch(value);

    public static DossierCode Parse(string? value) =>
        IsValid(value)
            ? new DossierCode(value!.ToUpperInvariant())
            : throw new DomainValidationException("dossier-code.invalid", $"'{value}' is not a dossier code.");

    public CommuneCode Commune => CommuneCode.Parse(Value[..CommuneCode.Length]);

    public override string ToString() => Value;

    [GeneratedRegex("^[0-9]{5}-[0-9]{6}-[0-9]{4,12}$")]
    private static partial Regex Pattern();
}
