namespace Portal.Infrastructure.Messaging.Outbox;

/// <summary>A message to publish, written in the same transaction as the change it announces.</summary>
public sealed class OutboxMessage
{
    public const int TypeMaxLength = 200;

    /// <summary>Insertion order; the dispatcher publishes in this order.</summary>
    public long Sequence { get; private set; }

    /// <summary>Becomes the MassTransit MessageId, so consumers can recognise a redelivery.</summary>
    public Guid MessageId { get; init; }

    public required string MessageType { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The W3C trace context (<c>traceparent</c>) of the change that wrote the row, when it was traced: the
    /// dispatcher publishes inside it, so the request and every consumer of its messages are one trace.
    /// </summary>
    public string? TraceParent { get; init; }

    public const int TraceParentMaxLength = 55;

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the row itself cannot be published (unknown type, unreadable body): it is skipped, kept and reported.</summary>
    public string? Error { get; set; }

    public const int ErrorMaxLength = 2000;
}
