namespace Portal.Domain.Catalogue;

/// <summary>An administrative procedure of the national procedure database, as handled at commune level.</summary>
public sealed class Procedure
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 300;

    private Procedure()
    {
        Code = NameVi = NameEn = FieldCode = FieldNameVi = FieldNameEn = string.Empty;
        Fees = [];
        FormFields = [];
    }

    public Procedure(
        string code,
        string nameVi,
        string nameEn,
        string fieldCode,
        string fieldNameVi,
        string fieldNameEn,
        HandlingAgency agency,
        TimeLimit timeLimit,
        bool tiedToResidence,
        IReadOnlyList<ScheduledFee> fees,
        IReadOnlyList<FormField> formFields,
        EventDeadline? deadline = null,
        IReadOnlyList<RequiredDocument>? requiredDocuments = null,
        OnlineServiceLevel onlineLevel = OnlineServiceLevel.Full)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code.Length, CodeMaxLength);
        if (formFields.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count() != formFields.Count)
        {
            throw new ArgumentException($"Procedure {code} declares a form field twice.", nameof(formFields));
        }

        Code = code;
        NameVi = nameVi;
        NameEn = nameEn;
        FieldCode = fieldCode;
        FieldNameVi = fieldNameVi;
        FieldNameEn = fieldNameEn;
        Agency = agency;
        TimeLimit = timeLimit;
        TiedToResidence = tiedToResidence;
        Fees = [.. fees];
        FormFields = [.. formFields];
        Deadline = deadline;
        RequiredDocuments = [.. requiredDocuments ?? []];
        OnlineLevel = onlineLevel;
    }

    public string Code { get; private set; }

    public string NameVi { get; private set; }

    public string NameEn { get; private set; }

    public string FieldCode { get; private set; }

    public string FieldNameVi { get; private set; }

    public string FieldNameEn { get; private set; }

    public HandlingAgency Agency { get; private set; }

    public TimeLimit TimeLimit { get; private set; }

    /// <summary>Handled only by the commune of residence (police residence procedures).</summary>
    public bool TiedToResidence { get; private set; }

    public IReadOnlyList<ScheduledFee> Fees { get; private set; }

    public IReadOnlyList<FormField> FormFields { get; private set; }

    /// <summary>Set when the law distinguishes on-time from late registration of the event.</summary>
    public EventDeadline? Deadline { get; private set; }

    /// <summary>The papers the citizen attaches (scans or photos), as the national procedure database lists them.</summary>
    public IReadOnlyList<RequiredDocument> RequiredDocuments { get; private set; } = [];

    public OnlineServiceLevel OnlineLevel { get; private set; }

    public IEnumerable<ScheduledFee> FeesFor(FilingChannel channel) => Fees.Where(f => f.Channel == channel);

    public void UpdateFrom(Procedure other)
    {
        (NameVi, NameEn, FieldCode, FieldNameVi, FieldNameEn) = (other.NameVi, other.NameEn, other.FieldCode, other.FieldNameVi, other.FieldNameEn);
        (Agency, TimeLimit, TiedToResidence, Fees, FormFields, Deadline) = (other.Agency, other.TimeLimit, other.TiedToResidence, other.Fees, other.FormFields, other.Deadline);
        (RequiredDocuments, OnlineLevel) = (other.RequiredDocuments, other.OnlineLevel);
    }
}
