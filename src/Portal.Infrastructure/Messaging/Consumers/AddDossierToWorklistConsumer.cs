using MassTransit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Routing;
using Portal.Domain.Worklists;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Messaging.Inbox;
using Portal.Infrastructure.Messaging.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;

namespace Portal.Infrastructure.Messaging.Consumers;

/// <summary>
/// Puts a dossier into its queue's worklist exactly once: the inbox row and the worklist row are
/// written in one transaction, and the worklist is keyed by dossier, so a redelivery changes nothing.
/// </summary>
public sealed class AddDossierToWorklistConsumer(UnitOfWork unitOfWork, CommuneDirectory directory, TimeProvider clock) : IConsumer<AddDossierToWorklist>
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

                // The dossier's commune as it is now, and that commune's successor if it has since been merged: a transfer
                // or a merger after the message was sent moves the dossier to the new commune's queue.
                var communes = await directory.GetAsync(ct);
                var queue = DossierRouter.Route(dossier.CommuneCode, dossier.Agency, c => communes.GetValueOrDefault(c));
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
