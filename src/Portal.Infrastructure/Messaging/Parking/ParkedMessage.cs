namespace Portal.Infrastructure.Messaging.Parking;

public enum ParkedStatus
{
    /// <summary>Waiting for its next delayed redelivery.</summary>
    Waiting = 1,

    /// <summary>Out of automatic attempts: an administrator decides.</summary>
    Failed = 2,

    /// <summary>Sent back to its queue; it succeeded or, if it fails again, is parked again.</summary>
    Redelivered = 3,

    Discarded = 4,
}

/// <summary>
/// A message whose consumer still failed after the immediate retries: kept here (our dead-letter store)
/// with its error, redelivered later with growing delays, and finally left to an administrator.
/// </summary>
public sealed class ParkedMessage
{
    public const int QueueMaxLength = 100;
    public const int ErrorMaxLength = 4000;

    public long Id { get; private set; }

    public required Guid MessageId { get; init; }

    public required string MessageType { get; init; }

    public required string Body { get; init; }

    public required string Queue { get; init; }

    public required string Error { get; set; }

    public int Attempts { get; set; }

    public required DateTimeOffset FirstFailedAt { get; init; }

    public DateTimeOffset LastFailedAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public ParkedStatus Status { get; set; }

    /// <summary>Audit of the last administrator decision: who, when, what.</summary>
    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Decision { get; set; }
}

/// <summary>One administrator decision on a parked message (append-only: a redelivery and a later discard are two rows).</summary>
public sealed class ParkedMessageDecision
{
    public const int DecisionMaxLength = 20;

    public long Id { get; private set; }

    public required long ParkedMessageId { get; init; }

    public required Guid MessageId { get; init; }

    /// <summary>"redeliver" or "discard".</summary>
    public required string Decision { get; init; }

    public required ParkedStatus StatusBefore { get; init; }

    public required string Actor { get; init; }

    public required DateTimeOffset At { get; init; }
}

public sealed class RedeliveryOptions
{
    /// <summary>Delays before each automatic redelivery; after the last, the message waits for an administrator.</summary>
    public IList<TimeSpan> Delays { get; } = [];

    public static readonly IReadOnlyList<TimeSpan> DefaultDelays = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    public IReadOnlyList<TimeSpan> Effective => Delays.Count > 0 ? [.. Delays] : DefaultDelays;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
