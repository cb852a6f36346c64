using System.Text.Json;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Messaging.Outbox;

/// <summary>Adds a message to the outbox of the current unit of work (it is published only if the transaction commits).</summary>
public static class OutboxWriter
{
    public static void Add(PortalDbContext db, object message, TimeProvider clock) => db.OutboxMessages.Add(new OutboxMessage
    {
        MessageId = Guid.CreateVersion7(clock.GetUtcNow()),
        MessageType = message.GetType().FullName!,
        Body = JsonSerializer.Serialize(message, message.GetType(), Json.Options),
        CreatedAt = clock.GetUtcNow(),
    });
}
