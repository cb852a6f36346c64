namespace Portal.Infrastructure.Messaging.Inbox;

/// <summary>A message a consumer has already applied; written in the same transaction as its effect.</summary>
public sealed class InboxMessage
{
    public const int ConsumerMaxLength = 100;

    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
