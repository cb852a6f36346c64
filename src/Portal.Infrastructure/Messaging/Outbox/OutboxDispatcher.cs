using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Messaging.Outbox;

/// <summary>
/// Publishes outbox rows in order, a batch at a time with all publishes in flight together (the
/// transport confirms each), then marks the batch sent. A crash between publish and mark means the
/// batch is published again: delivery is at-least-once and consumers are idempotent.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IWriteGate writeGate,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) == _options.BatchSize)
                {
                }

                await CleanUpAsync(stoppingToken);
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDispatchFailed(ex);
                await Task.Delay(_options.RetryDelay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var batch = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Sequence)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        await Task.WhenAll(batch.Select(row =>
        {
            var type = IntegrationEvents.Resolve(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Body, type, Json.Options)!;
            return bus.Publish(message, type, context => context.MessageId = row.MessageId, cancellationToken);
        }));

        var sequences = batch.Select(m => m.Sequence).ToList();
        var now = clock.GetUtcNow();
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.OutboxMessages.Where(m => sequences.Contains(m.Sequence))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now), cancellationToken);
        }

        return batch.Count;
    }

    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _lastCleanup < TimeSpan.FromMinutes(10))
        {
            return;
        }

        _lastCleanup = now;
        var threshold = now - _options.RetainSent;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < threshold).ExecuteDeleteAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; will retry")]
    private partial void LogDispatchFailed(Exception exception);
}
