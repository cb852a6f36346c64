using System.Diagnostics;
using System.Text.Json;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Messaging.Outbox;

/// <summary>Adds a message to the outbox of the current unit of work (it is published only if the transaction commits).</summary>
public static class OutboxWriter
{
    /// <summary>
    /// A dossier's <see cref="DossierSubmitted"/> carries the dossier's id as its message id: the convergence sweep
    /// re-sends that same message, and every consumer that already has it (audit trail, statistics, notifications)
    /// recognises the copy in its inbox.
    /// </summary>
    public static Guid MessageIdOf(object message, TimeProvider clock) =>
        message is DossierSubmitted submitted ? submitted.DossierId : Guid.CreateVersion7(clock.GetUtcNow());

    public static void Add(PortalDbContext db, object message, TimeProvider clock) => db.OutboxMessages.Add(new OutboxMessage
    {
        MessageId = MessageIdOf(message, clock),
        MessageType = message.GetType().FullName!,
        Body = JsonSerializer.Serialize(message, message.GetType(), Json.Options),
        CreatedAt = clock.GetUtcNow(),
        TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id.Length: <= OutboxMessage.TraceParentMaxLength } current ? current.Id : null,
    });
}
