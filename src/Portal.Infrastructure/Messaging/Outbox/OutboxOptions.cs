namespace Portal.Infrastructure.Messaging.Outbox;

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 200;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Sent rows are kept this long (for diagnosis), then deleted.</summary>
    public TimeSpan RetainSent { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Inbox rows older than this are deleted: redeliveries arrive within minutes, not weeks.</summary>
    public TimeSpan RetainInbox { get; set; } = TimeSpan.FromDays(7);
}
