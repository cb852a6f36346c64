using MassTransit;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Routing;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.ReferenceData;

namespace Portal.Infrastructure.Messaging.Consumers;

/// <summary>Sends a submitted dossier to its processing queue. Stateless: a redelivery sends again, and the queue's consumer ignores the copy.</summary>
public sealed class RouteSubmittedDossierConsumer(CommuneDirectory communes) : IConsumer<DossierSubmitted>
{
    public async Task Consume(ConsumeContext<DossierSubmitted> context)
    {
        var message = context.Message;
        var directory = await communes.GetAsync(context.CancellationToken);
        var queue = DossierRouter.Route(CommuneCode.Parse(message.CommuneCode), message.Agency, code => directory.GetValueOrDefault(code));
        var endpoint = await context.GetSendEndpoint(QueueAddresses.For(queue));
        await endpoint.Send(
            new AddDossierToWorklist(
                message.DossierId, message.Code, message.ProcedureCode, queue.Name, queue.Commune.Value, queue.Agency,
                message.ApplicantName, message.FiledAt, message.DueAt),
            send => send.MessageId = context.MessageId, // a redelivered submission sends the same message id: the inbox sees the copy
            context.CancellationToken);
    }
}

public sealed class RouteSubmittedDossierConsumerDefinition : ConsumerDefinition<RouteSubmittedDossierConsumer>
{
    public const string QueueName = "dossier-routing";

    public RouteSubmittedDossierConsumerDefinition() => EndpointName = QueueName;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RouteSubmittedDossierConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        consumerConfigurator.UseMessageRetry(r => r.Intervals(50, 250, 1000));
    }
}

public static class QueueAddresses
{
    // The exchange, not the queue: a "queue:" address would re-declare the queue as classic and
    // RabbitMQ refuses that for our quorum queues. Each receive endpoint binds its own exchange.
    public static Uri For(ProcessingQueue queue) => new($"exchange:{queue.Name}");
}
