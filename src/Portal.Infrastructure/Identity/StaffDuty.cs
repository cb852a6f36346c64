namespace Portal.Infrastructure.Identity;

/// <summary>A period an officer is away (leave, training): automatic assignment passes them over.</summary>
public sealed class StaffLeave
{
    public const int ReasonMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string UserName { get; set; } = string.Empty;

    /// <summary>First day away (local date, inclusive).</summary>
    public DateOnly From { get; set; }

    /// <summary>Last day away (local date, inclusive).</summary>
    public DateOnly To { get; set; }

    public string Reason { get; set; } = string.Empty;

    public bool Covers(DateOnly day) => From <= day && day <= To;
}

/// <summary>
/// A leader, while away, lets an officer of the same queue sign (approve or send back) in their place
/// for a period. Every signature made under it names the delegate, so the history shows who signed.
/// </summary>
public sealed class LeaderDelegation
{
    public const int ReasonMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string LeaderUserName { get; set; } = string.Empty;

    public string DelegateUserName { get; set; } = string.Empty;

    /// <summary>The processing queue (commune × agency) the delegation covers.</summary>
    public string QueueName { get; set; } = string.Empty;

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActiveOn(DateOnly day) => RevokedAt is null && From <= day && day <= To;
}

/// <summary>One officer's daily digest, sent once per working day (the unique key makes a second replica's attempt a no-op).</summary>
public sealed class StaffDigest
{
    public long Id { get; private set; }

    public required string UserName { get; init; }

    /// <summary>The local working day the digest is for.</summary>
    public required DateOnly Day { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    public required int Assigned { get; init; }

    public required int Overdue { get; init; }

    public required int DueSoon { get; init; }

    public required int AwaitingSignature { get; init; }

    public bool Emailed { get; set; }
}
