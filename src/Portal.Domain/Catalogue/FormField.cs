namespace Portal.Domain.Catalogue;

public enum FormFieldType
{
    Text = 1,
    LongText = 2,
    Date = 3,
    Number = 4,
    Choice = 5,
    CitizenId = 6,
}

/// <summary>One field a procedure's form asks for: the form and its server-side validation are both built from this.</summary>
public sealed record FormField(
    string Key,
    string LabelVi,
    string LabelEn,
    FormFieldType Type,
    bool Required,
    int MaxLength,
    IReadOnlyList<string>? Options = null,
    string? ProfileSource = null)
{
    public const int KeyMaxLength = 40;
    public const int AbsoluteMaxLength = 2000;
}
