using MassTransit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Routing;
using Portal.Domain.Worklists;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Messaging.Inbox;
using Portal.Infrastructure.Messaging.Outbox;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Messaging.Consumers;

/// <summary>
/// Puts a dossier into its queue's worklist exactly once: the inbox row and the worklist row are
/// written in one transaction, and the worklist is keyed by dossier, so a redelivery changes nothing.
/// </summary>
public sealed class AddDossierToWorklistConsumer(UnitOfWork unitOfWork, TimeProvider clock) : IConsumer<AddDossierToWorklist>
{
    public const string Name = "worklist";

    public Task Consume(ConsumeContext<AddDossierToWorklist> context)
    {
        var message = context.Message;
        var messageId = context.MessageId ?? message.DossierId;
        var db = unitOfWork.Db;
        return unitOfWork.ExecuteAsync(
            async ct =>
            {
                if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == Name, ct)
                    || await db.WorklistItems.AnyAsync(w => w.DossierId == message.DossierId, ct))
                {
                    return;
                }

                var now = clock.GetUtcNow();
                db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = Name, ProcessedAt = now });
                var dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == message.DossierId && d.CompletedAt == null, ct);
                if (dossier is null)
                {
                    return; // withdrawn (or otherwise finished) before it reached the queue: nothing to work
                }

                var queue = new ProcessingQueue(CommuneCode.Parse(message.CommuneCode), message.Agency);
                db.WorklistItems.Add(WorklistItem.ForDossier(queue, dossier, now));
                OutboxWriter.Add(db, new DossierRouted(message.DossierId, message.Code, queue.Name, now), clock);
            },
            context.CancellationToken);
    }
}

public sealed class AddDossierToWorklistConsumerDefinition : ConsumerDefinition<AddDossierToWorklistConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AddDossierToWorklistConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        consumerConfigurator.UseMessageRetry(r => r.Intervals(20, 100, 500));
    }
}
