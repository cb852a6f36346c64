using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Routing;
using Portal.Infrastructure.Messaging.Consumers;
using Portal.Infrastructure.Messaging.Outbox;
using Portal.Infrastructure.ReferenceData;

namespace Portal.Infrastructure.Messaging;

/// <summary>
/// The bus: in-memory by default, RabbitMQ by configuration, the same endpoints on both. One routing
/// queue, and one queue per commune × agency (see docs/decisions/0003-queue-topology.md).
/// </summary>
public static class BusRegistration
{
    public static IServiceCollection AddPortalMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var options = MessagingOptions.From(configuration);
        services.AddSingleton(options);
        services.Configure<OutboxOptions>(configuration.GetSection("Messaging:Outbox"));
        services.AddSingleton<OutboxSignal>();
        var redelivery = new Parking.RedeliveryOptions();
        configuration.GetSection("Messaging:Redelivery").Bind(redelivery);
        services.AddSingleton(redelivery);
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        services.AddMassTransit(x =>
        {
            // Readiness (/health/ready) includes the bus. A web replica without consumers keeps taking filings
            // while the broker is away (they wait in the outbox), so for it a lost broker is Degraded (still
            // ready, still in the load balancer); a processing replica can do nothing without it: Unhealthy.
            x.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "masstransit-bus";
                if (!options.ProcessDossiers)
                {
                    o.MinimalFailureStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded;
                }
            });
            x.AddConsumer<RouteSubmittedDossierConsumer, RouteSubmittedDossierConsumerDefinition>();
            x.AddConsumer<AddDossierToWorklistConsumer, AddDossierToWorklistConsumerDefinition>();
            x.AddConsumer<NotifyApplicantConsumer, NotifyApplicantConsumerDefinition>();
            x.AddConsumer<AuditTrailConsumer, AuditTrailConsumerDefinition>();
            x.AddConsumer<StatisticsConsumer, StatisticsConsumerDefinition>();

            if (options.Transport == BusTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(options.RabbitMq.Host, options.RabbitMq.Port, options.RabbitMq.VirtualHost, h =>
                    {
                        h.Username(options.RabbitMq.Username);
                        h.Password(options.RabbitMq.Password);
                        if (options.RabbitMq.Nodes.Count > 0)
                        {
                            h.UseCluster(cluster =>
                            {
                                foreach (var node in options.RabbitMq.Nodes)
                                {
                                    cluster.Node(node);
                                }
                            });
                        }
                    });
                    ConfigureEndpoints(context, cfg, options);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => ConfigureEndpoints(context, cfg, options));
            }
        });

        // Registered after the bus: hosted services stop in reverse order, so the dispatcher stops
        // publishing before the bus (and its receive endpoints) begin to stop.
        services.AddHostedService<OutboxDispatcher>();
        if (options.ProcessDossiers)
        {
            services.AddHostedService<WorklistSweeper>();
            services.AddHostedService<Parking.Redeliverer>();
        }

        return services;
    }

    /// <summary>The processing queues this process consumes.</summary>
    public static IReadOnlyList<ProcessingQueue> QueuesFor(MessagingOptions options)
    {
        var communes = options.Communes.Count > 0
            ? options.Communes.Select(CommuneCode.Parse)
            : ReferenceDataFiles.Communes().Select(c => c.Code);
        return [.. communes.SelectMany(c => new[] { new ProcessingQueue(c, HandlingAgency.CommunePolice), new ProcessingQueue(c, HandlingAgency.CommuneCommittee) })];
    }

    /// <summary>A quorum queue shared by every processing replica, with failed messages parked.</summary>
    private static void SharedEndpoint<TConsumer>(IBusFactoryConfigurator cfg, IBusRegistrationContext context, string queueName)
        where TConsumer : class, IConsumer
    {
        cfg.ReceiveEndpoint(queueName, e =>
        {
            UseQuorumQueue(e);
            e.UseConsumeFilter(typeof(Parking.ParkFailedMessagesFilter<>), context);
            e.ConfigureConsumer<TConsumer>(context);
        });
    }

    /// <summary>The portal's receive endpoints; public so the test harness can keep them while replacing the transport.</summary>
    public static void ConfigureEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator cfg, MessagingOptions options)
    {
        if (!options.ProcessDossiers)
        {
            return;
        }

        SharedEndpoint<RouteSubmittedDossierConsumer>(cfg, context, RouteSubmittedDossierConsumerDefinition.QueueName);

        SharedEndpoint<NotifyApplicantConsumer>(cfg, context, NotifyApplicantConsumerDefinition.QueueName);

        SharedEndpoint<AuditTrailConsumer>(cfg, context, AuditTrailConsumerDefinition.QueueName);

        SharedEndpoint<StatisticsConsumer>(cfg, context, StatisticsConsumerDefinition.QueueName);

        foreach (var queue in QueuesFor(options))
        {
            cfg.ReceiveEndpoint(queue.Name, e =>
            {
                // Commune queues only receive what the router sends them; they subscribe to nothing.
                e.ConfigureConsumeTopology = false;
                e.ConcurrentMessageLimit = options.QueueConcurrency;
                UseQuorumQueue(e);
                e.UseConsumeFilter(typeof(Parking.ParkFailedMessagesFilter<>), context);
                e.ConfigureConsumer<AddDossierToWorklistConsumer>(context);
            });
        }
    }

    /// <summary>Where RabbitMQ puts what a queue drops (a quorum queue's delivery limit, 20 from RabbitMQ 4): kept, not lost.</summary>
    public const string DeadLetterQueue = "portal-dead-letter";

    private static void UseQuorumQueue(IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            // A message redelivered past the quorum queue's delivery limit (for example one that kills its consumer each
            // time) is dead-lettered to this exchange and kept in its quorum queue for an operator (docs/operations.md §5.1).
            rabbit.BindDeadLetterQueue(DeadLetterQueue, DeadLetterQueue, q => q.SetQueueArgument("x-queue-type", "quorum"));
        }
    }
}
