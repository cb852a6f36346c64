using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Observability;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Messaging.Outbox;

/// <summary>
/// Publishes outbox rows a batch at a time (oldest first) with all publishes of a batch in flight
/// together, so the broker may see them in any order within the batch; the transport confirms each.
/// Then the batch is marked sent. A crash between publish and mark publishes the batch again:
/// delivery is at-least-once and consumers are idempotent. A row that cannot be read is marked with its
/// error and skipped, so it never blocks the rows behind it.
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
        WriterName.Set("outbox");
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
            .Where(m => m.SentAt == null && m.Error == null)
            .OrderBy(m => m.Sequence)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var readable = new List<(OutboxMessage Row, Type Type, object Message)>(batch.Count);
        var unreadable = new List<(long Sequence, string Error)>();
        foreach (var row in batch)
        {
            try
            {
                var type = IntegrationEvents.Resolve(row.MessageType);
                readable.Add((row, type, JsonSerializer.Deserialize(row.Body, type, Json.Options)!));
            }
            catch (Exception ex) when (ex is InvalidOperationException or JsonException or NotSupportedException)
            {
                LogUnreadable(ex, row.Sequence, row.MessageType);
                unreadable.Add((row.Sequence, Truncate(ex.Message)));
            }
        }

        await Task.WhenAll(readable.Select(r => PublishAsync(r.Row, r.Type, r.Message, cancellationToken)));

        var sent = readable.Select(r => r.Row.Sequence).ToList();
        var now = clock.GetUtcNow();
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.OutboxMessages.Where(m => sent.Contains(m.Sequence))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now), cancellationToken);
            foreach (var (sequence, error) in unreadable)
            {
                await db.OutboxMessages.Where(m => m.Sequence == sequence).ExecuteUpdateAsync(s => s.SetProperty(m => m.Error, error), cancellationToken);
            }
        }

        return batch.Count;
    }

    /// <summary>
    /// Publishes inside the trace of the change that wrote the row (when tracing listens): MassTransit's send
    /// activity, and through its headers every consumer's, then continue the request's trace.
    /// </summary>
    private async Task PublishAsync(OutboxMessage row, Type type, object message, CancellationToken cancellationToken)
    {
        using var activity = row.TraceParent is { } parent && ActivityContext.TryParse(parent, null, out var context)
            ? Tracing.Source.StartActivity("outbox publish", ActivityKind.Internal, context)
            : null;
        activity?.SetTag("messaging.message.id", row.MessageId.ToString());
        await bus.Publish(message, type, c => c.MessageId = row.MessageId, cancellationToken);
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
        var inboxThreshold = now - _options.RetainInbox;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < threshold).ExecuteDeleteAsync(cancellationToken);
            await db.InboxMessages.Where(m => m.ProcessedAt < inboxThreshold).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private static string Truncate(string error) => error.Length <= OutboxMessage.ErrorMaxLength ? error : error[..OutboxMessage.ErrorMaxLength];

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {Sequence} ({MessageType}) cannot be published and is set aside")]
    private partial void LogUnreadable(Exception exception, long sequence, string messageType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; will retry")]
    private partial void LogDispatchFailed(Exception exception);
}
