namespace Portal.Domain.Fees;

/// <summary>Groups the law exempts from some fees (Law on Civil Status 60/2014/QH13, art. 11).</summary>
public static class ApplicantCategories
{
    /// <summary>A family with meritorious service to the revolution.</summary>
    public const string MeritoriousFamily = "meritorious-family";

    public const string PoorHousehold = "poor-household";

    public const string Disability = "disability";

    public static readonly IReadOnlyList<string> All = [MeritoriousFamily, PoorHousehold, Disability];
}

/// <summary>Whether a registration was made within the deadline after its event (birth, death).</summary>
public enum EventTiming
{
    Any = 0,
    OnTime = 1,
    Late = 2,
}
