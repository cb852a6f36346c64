using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Messaging.Consumers;

/// <summary>
/// One line of a dossier's event trail, as the bus carried it; each line is sealed into a hash chain
/// (<see cref="AuditChain"/>), so a changed, removed or inserted line is found by <c>audit verify</c>.
/// </summary>
public sealed class DossierEvent
{
    public const int TypeMaxLength = 40;

    public long Id { get; private set; }

    /// <summary>The line's place in the chain, 1, 2, 3… (unique: two writers cannot both extend the same end).</summary>
    public long Sequence { get; set; }

    /// <summary>The previous line's <see cref="Hash"/> (64 zeros for the first).</summary>
    public string PreviousHash { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the sequence, the previous hash and the line's content.</summary>
    public string Hash { get; set; } = string.Empty;

    public required Guid MessageId { get; init; }

    public required Guid DossierId { get; init; }

    public required string Type { get; init; }

    public required string Body { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>
/// The audit trail of the bus: every dossier event (submitted, routed, status changed, supplement
/// requested, result issued) recorded once, whatever the redeliveries (the message id is unique).
/// </summary>
public sealed class AuditTrailConsumer(UnitOfWork unitOfWork) :
    IConsumer<DossierSubmitted>, IConsumer<DossierRouted>, IConsumer<DossierStatusChangedMessage>, IConsumer<SupplementRequested>, IConsumer<ResultIssued>
{
    public Task Consume(ConsumeContext<DossierSubmitted> context) => RecordAsync(context, context.Message.DossierId, context.Message.FiledAt);

    public Task Consume(ConsumeContext<DossierRouted> context) => RecordAsync(context, context.Message.DossierId, context.Message.At);

    public Task Consume(ConsumeContext<DossierStatusChangedMessage> context) => RecordAsync(context, context.Message.DossierId, context.Message.At);

    public Task Consume(ConsumeContext<SupplementRequested> context) => RecordAsync(context, context.Message.DossierId, context.Message.At);

    public Task Consume(ConsumeContext<ResultIssued> context) => RecordAsync(context, context.Message.DossierId, context.Message.At);

    /// <summary>Readable Vietnamese in the stored body (the trail is read by people, never rendered as HTML unencoded).</summary>
    private static readonly JsonSerializerOptions BodyOptions = new(Json.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private Task RecordAsync<T>(ConsumeContext<T> context, Guid dossierId, DateTimeOffset at)
        where T : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A dossier event without a message id.");
        var db = unitOfWork.Db;
        return unitOfWork.ExecuteAsync(
            async ct =>
            {
                if (!await db.DossierEvents.AnyAsync(e => e.MessageId == messageId, ct))
                {
                    var line = new DossierEvent
                    {
                        MessageId = messageId, DossierId = dossierId, Type = typeof(T).Name, At = at,
                        Body = JsonSerializer.Serialize(context.Message, BodyOptions),
                    };
                    await AuditChain.AppendAsync(db, line, ct);
                }
            },
            context.CancellationToken);
    }
}

public sealed class AuditTrailConsumerDefinition : ConsumerDefinition<AuditTrailConsumer>
{
    public const string QueueName = "dossier-audit";

    public AuditTrailConsumerDefinition() => EndpointName = QueueName;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<AuditTrailConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.UseMessageRetry(r => r.Intervals(50, 250, 1000));

        // One append at a time per replica: each extends the chain's end (replicas racing for the same
        // sequence number meet the unique index, and the loser is retried).
        endpointConfigurator.ConcurrentMessageLimit = 1;
    }
}
