namespace Portal.Infrastructure.Statistics;

/// <summary>Visits to the portal per local day (the supervisors' "visits today" and "total visits").</summary>
public sealed class SiteVisitDay
{
    public required DateOnly Day { get; init; }

    public long Visits { get; set; }
}

/// <summary>
/// When a browser (its anonymous visit cookie, a random id) was last seen by any instance of the portal:
/// "online now" counts those seen in the last five minutes across every web replica. Rows older than a
/// day are removed; nothing else about the visitor is kept.
/// </summary>
public sealed class SiteVisitor
{
    public const int IdLength = 32;

    public required string Visitor { get; init; }

    public DateTimeOffset LastSeenAt { get; set; }
}
