namespace Portal.Domain.Catalogue;

/// <summary>
/// A registration the law wants within a number of days of the event (birth within 60 days, death
/// within 15): the form field holding the event's date, and the days allowed. Decides on-time / late.
/// </summary>
public sealed record EventDeadline(string DateField, int WithinDays);
