using System.Globalization;
using Portal.Domain.Catalogue;

namespace Portal.Domain.Fees;

/// <summary>The facts of one filing that decide its fee: channel, day, province, applicant categories and what the form says.</summary>
public sealed record FeeContext(
    FilingChannel Channel,
    DateOnly FiledOn,
    IReadOnlySet<string> ApplicantCategories,
    IReadOnlyDictionary<string, string> FormData,
    string ProvinceCode = FeeContext.ThanhHoa)
{
    public const string ThanhHoa = "38";

    public static FeeContext Simple(FilingChannel channel, DateOnly filedOn) =>
        new(channel, filedOn, new HashSet<string>(), new Dictionary<string, string>());

    /// <summary>Units of a per-unit fee, from the form (at least one).</summary>
    public int Units(string? field) =>
        field is not null && FormData.TryGetValue(field, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var units) && units > 0
            ? Math.Min(units, ScheduledFee.MaxUnits)
            : 1;

    /// <summary>On time if filed within the deadline after the event date the form gives; unknown (Any) otherwise.</summary>
    public EventTiming TimingOf(Procedure procedure)
    {
        if (procedure.Deadline is not { } deadline || !FormData.TryGetValue(deadline.DateField, out var text)
            || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var eventDay))
        {
            return EventTiming.Any;
        }

        return FiledOn.DayNumber - eventDay.DayNumber <= deadline.WithinDays ? EventTiming.OnTime : EventTiming.Late;
    }
}
