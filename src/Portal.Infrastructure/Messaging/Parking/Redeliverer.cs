using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Messaging.Parking;

/// <summary>
/// Delayed redelivery without RabbitMQ's deprecated delayed-message plugin: parked messages whose time
/// has come are sent back to the queue they failed on, with the same message id (so inboxes recognise
/// them) and their attempt count.
/// </summary>
internal sealed partial class Redeliverer(
    IServiceScopeFactory scopes, IBus bus, RedeliveryOptions options, TimeProvider clock, ILogger<Redeliverer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RedeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            await Task.Delay(options.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    internal async Task<int> RedeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = unitOfWork.Db;
        var now = clock.GetUtcNow();
        var due = await db.ParkedMessages.Where(p => p.Status == ParkedStatus.Waiting && p.NextAttemptAt <= now).OrderBy(p => p.NextAttemptAt).Take(100).ToListAsync(cancellationToken);
        foreach (var row in due)
        {
            var type = IntegrationEvents.Resolve(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Body, type, Json.Options)!;
            var endpoint = await bus.GetSendEndpoint(new Uri($"exchange:{row.Queue}"));
            await endpoint.Send(message, type, context =>
            {
                context.MessageId = row.MessageId;
                context.Headers.Set(ParkFailedMessagesFilter<object>.AttemptsHeader, row.Attempts);
            }, cancellationToken);
            row.Status = ParkedStatus.Redelivered;
            row.NextAttemptAt = null;
        }

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Redelivery of parked messages failed; will retry")]
    private partial void LogFailed(Exception exception);
}
