using System.Text.Json;
using Microsoft.VisualBasic.FileIO;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Fees;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.ReferenceData;

/// <summary>The versioned reference files under <c>ReferenceData/Data</c>, embedded in this assembly.</summary>
public static class ReferenceDataFiles
{
    /// <summary>communes.csv: code,name,full_name,unit_type (RFC 4180, read with the BCL's quote-aware parser).</summary>
    public static IReadOnlyList<Commune> Communes()
    {
        using var parser = new TextFieldParser(Open("communes.csv")) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? throw new InvalidDataException("communes.csv has no header.");
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"communes.csv lacks {name}.");
        var (code, name, fullName, unitType) = (Column("code"), Column("name"), Column("full_name"), Column("unit_type"));
        var communes = new List<Commune>();
        while (parser.ReadFields() is { } row)
        {
            communes.Add(new Commune(CommuneCode.Parse(row[code]), row[name], row[fullName], row[unitType]));
        }

        return communes;
    }

    public static IReadOnlyList<Procedure> Procedures() =>
        [.. Read<ProcedureFile>("procedures.json").Procedures.Select(p => new Procedure(
            p.Code, p.NameVi, p.NameEn, p.FieldCode, p.FieldNameVi, p.FieldNameEn, p.Agency, new TimeLimit(p.TimeLimitWorkingDays),
            p.TiedToResidence, p.Fees, p.FormFields, p.Deadline, p.RequiredDocuments, p.OnlineLevel ?? OnlineServiceLevel.Full))];

    public static IReadOnlyList<FeeRule> FeeRules() =>
        [.. Read<FeeRuleFile>("fee-rules.json").Rules.Select(r => new FeeRule(
            r.Id, r.Name, r.LegalBasis, r.EffectiveFrom, r.EffectiveTo, r.Scope, r.Effect))];

    public static IReadOnlyList<PublicHoliday> Holidays() =>
        [.. Read<HolidayFile>("holidays.json").Days.Select(d => new PublicHoliday(d.Date, d.NameVi, d.NameEn, d.IsWorkingDay))];

    /// <summary>The province codes a citizen ID may start with.</summary>
    public static IReadOnlySet<string> ProvinceCodes() => Read<ProvinceCodeFile>("province-codes.json").Codes.ToHashSet(StringComparer.Ordinal);

    private static T Read<T>(string name)
    {
        using var stream = Open(name);
        return JsonSerializer.Deserialize<T>(stream, Json.Options) ?? throw new InvalidDataException($"Reference file {name} is empty.");
    }

    private static Stream Open(string name) =>
        typeof(ReferenceDataFiles).Assembly.GetManifestResourceStream($"Portal.ReferenceData.{name}")
        ?? throw new FileNotFoundException($"Embedded reference file {name} is missing.");

    private sealed record ProcedureFile(IReadOnlyList<ProcedureRow> Procedures);

    private sealed record ProcedureRow(
        string Code, string NameVi, string NameEn, string FieldCode, string FieldNameVi, string FieldNameEn, HandlingAgency Agency,
        int TimeLimitWorkingDays, bool TiedToResidence, IReadOnlyList<ScheduledFee> Fees, IReadOnlyList<FormField> FormFields, EventDeadline? Deadline,
        IReadOnlyList<RequiredDocument>? RequiredDocuments, OnlineServiceLevel? OnlineLevel);

    private sealed record FeeRuleFile(IReadOnlyList<FeeRuleRow> Rules);

    private sealed record FeeRuleRow(
        Guid Id, string Name, LegalBasis LegalBasis, DateOnly EffectiveFrom, DateOnly? EffectiveTo, FeeRuleScope Scope, FeeEffect Effect);

    private sealed record ProvinceCodeFile(IReadOnlyList<string> Codes);

    private sealed record HolidayFile(IReadOnlyList<HolidayRow> Days);

    private sealed record HolidayRow(DateOnly Date, string NameVi, string NameEn, bool IsWorkingDay);
}
