namespace Portal.Domain.Catalogue;

/// <summary>A statutory time limit in working days; zero means the same working day.</summary>
public readonly record struct TimeLimit
{
    public TimeLimit(int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, 365);
        WorkingDays = workingDays;
    }

    public int WorkingDays { get; }

    public bool IsSameDay => WorkingDays == 0;
}
