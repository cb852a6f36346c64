using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Messaging.Parking;

/// <summary>
/// Outermost on every receive endpoint: when a consumer still fails after its immediate retries, the
/// message is parked in the database (with its error and the next delayed attempt) and acknowledged,
/// so the queue moves on and no other dossier or commune waits behind a poison message.
/// </summary>
public sealed partial class ParkFailedMessagesFilter<T>(
    IServiceScopeFactory scopes, RedeliveryOptions options, TimeProvider clock, ILogger<ParkFailedMessagesFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public const string AttemptsHeader = "Portal-Redelivery-Attempts";

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1];
        WriterName.Set(queue.StartsWith("dossier-", StringComparison.Ordinal) ? queue : "commune-queues");
        try
        {
            await next.Send(context);
        }
        catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested && IntegrationEvents.IsKnown(typeof(T)))
        {
            var attempts = (context.Headers.Get<int>(AttemptsHeader) ?? 0) + 1;
            await ParkAsync(context, queue, ex, attempts);
            LogParked(ex, typeof(T).Name, context.MessageId, attempts);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("park-failed-messages");

    private async Task ParkAsync(ConsumeContext<T> context, string queue, Exception error, int attempts)
    {
        var now = clock.GetUtcNow();
        var delays = options.Effective;
        var messageId = context.MessageId ?? Guid.NewGuid();
        var text = $"{error.GetType().Name}: {error.Message}{(error.InnerException is { } inner ? $" → {inner.Message}" : string.Empty)}";
        text = text.Length > ParkedMessage.ErrorMaxLength ? text[..ParkedMessage.ErrorMaxLength] : text;
        await using var scope = scopes.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = unitOfWork.Db;
        await unitOfWork.ExecuteAsync(
            async ct =>
            {
                var row = await db.ParkedMessages.FirstOrDefaultAsync(p => p.MessageId == messageId && p.Queue == queue, ct);
                if (row is null)
                {
                    row = new ParkedMessage
                    {
                        MessageId = messageId, MessageType = typeof(T).FullName!, Queue = queue, Error = text, FirstFailedAt = now,
                        Body = JsonSerializer.Serialize(context.Message, Json.Options),
                    };
                    db.ParkedMessages.Add(row);
                }

                row.Error = text;
                row.Attempts = attempts;
                row.LastFailedAt = now;
                row.NextAttemptAt = attempts <= delays.Count ? now + delays[attempts - 1] : null;
                row.Status = row.NextAttemptAt is null ? ParkedStatus.Failed : ParkedStatus.Waiting;
            },
            CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parked {MessageType} {MessageId} after attempt {Attempts}")]
    private partial void LogParked(Exception exception, string messageType, Guid? messageId, int attempts);
}
