namespace Portal.Infrastructure.Statistics;

/// <summary>Visits to the portal per local day (the supervisors' "visits today" and "total visits").</summary>
public sealed class SiteVisitDay
{
    public required DateOnly Day { get; init; }

    public long Visits { get; set; }
}
