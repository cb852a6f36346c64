using Microsoft.Extensions.Configuration;

namespace Portal.Infrastructure.Messaging;

public enum BusTransport
{
    InMemory = 1,
    RabbitMq = 2,
}

/// <summary>The <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>The section as this process uses it: <c>Portal:Role=Web</c> consumes nothing, whatever <see cref="ProcessDossiers"/> says.</summary>
    public static MessagingOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        if (string.Equals(configuration["Portal:Role"], "Web", StringComparison.OrdinalIgnoreCase))
        {
            options.ProcessDossiers = false; // a web replica publishes its outbox and consumes nothing
        }

        return options;
    }

    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>Whether this process consumes the routing and commune queues (a web-only replica sets false).</summary>
    public bool ProcessDossiers { get; set; } = true;

    /// <summary>Communes whose queues this process consumes; empty means all. Lets processing replicas share the communes.</summary>
    public IList<string> Communes { get; } = [];

    /// <summary>How many messages one commune queue processes at once.</summary>
    public int QueueConcurrency { get; set; } = 4;

    public SweepOptions Sweep { get; set; } = new();
}

/// <summary>The convergence sweep: dossiers in no worklist this long after filing are routed again.</summary>
public sealed class SweepOptions
{
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 500;
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    /// <summary>
    /// The nodes of a RabbitMQ cluster (host names, or host:port): the connection goes to the first that answers
    /// and moves to another when its node fails. Empty: <see cref="Host"/> alone.
    /// </summary>
    public IList<string> Nodes { get; } = [];

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";
}
