namespace Portal.Domain.Catalogue;

public enum FilingChannel
{
    /// <summary>At the counter of a public-service centre.</summary>
    Direct = 1,
    Online = 2,
    Postal = 3,
}
