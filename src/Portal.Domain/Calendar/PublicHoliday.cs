namespace Portal.Domain.Calendar;

/// <summary>A day off (or, when <see cref="IsWorkingDay"/>, a weekend day declared a working day in a swap).</summary>
public sealed class PublicHoliday
{
    public const int NameMaxLength = 200;

    private PublicHoliday()
    {
        NameVi = NameEn = string.Empty;
    }

    public PublicHoliday(DateOnly date, string nameVi, string nameEn, bool isWorkingDay = false)
    {
        Date = date;
        NameVi = nameVi;
        NameEn = nameEn;
        IsWorkingDay = isWorkingDay;
    }

    public DateOnly Date { get; private set; }

    public string NameVi { get; private set; }

    public string NameEn { get; private set; }

    public bool IsWorkingDay { get; private set; }

    public void Update(string nameVi, string nameEn, bool isWorkingDay) => (NameVi, NameEn, IsWorkingDay) = (nameVi, nameEn, isWorkingDay);
}
