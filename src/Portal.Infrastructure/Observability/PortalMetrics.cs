using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Observability;

/// <summary>
/// The portal's own meters (meter <see cref="MeterName"/>), exported with ASP.NET Core's, the runtime's and
/// MassTransit's by OpenTelemetry. Counters are counted where the change commits (whichever replica made
/// it: sum them across replicas) and exist from the start, at zero. The gauges report what
/// <see cref="PortalGaugeRefresher"/> last read from the shared database (every replica reports the same
/// values: take the maximum, not the sum); a scrape never waits for the database.
/// </summary>
public sealed class PortalMetrics : IDisposable
{
    public const string MeterName = "Portal";

    private readonly Meter _meter;
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _routed;
    private readonly Counter<long> _completed;
    private readonly Histogram<double> _writeWait;
    private readonly Histogram<double> _writeHeld;
    private volatile DatabaseGauges _gauges = DatabaseGauges.Empty;

    public PortalMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _submitted = _meter.CreateCounter<long>("portal.dossiers.submitted", "{dossier}", "Dossiers filed (online, direct or postal), counted when stored.");
        _routed = _meter.CreateCounter<long>("portal.dossiers.routed", "{dossier}", "Dossiers placed in their commune queue's worklist.");
        _completed = _meter.CreateCounter<long>("portal.dossiers.completed", "{dossier}", "Dossiers whose processing ended (processed, refused, stopped or withdrawn).");
        _writeWait = _meter.CreateHistogram<double>("portal.write_path.wait", "s", "Time a writer waited for the single SQLite write path.");
        _writeHeld = _meter.CreateHistogram<double>("portal.write_path.held", "s", "Time a writer held the single SQLite write path (its sum's rate is the path's utilisation: 1 = saturated).");
        _meter.CreateObservableGauge("portal.outbox.pending", () => _gauges.OutboxPending, "{message}", "Messages written to the outbox and not yet published.");
        _meter.CreateObservableGauge("portal.outbox.lag", () => _gauges.OutboxLagSeconds, "s", "Age of the oldest message waiting in the outbox (0 when none waits).");
        _meter.CreateObservableGauge("portal.worklist.depth", () => _gauges.Depth, "{dossier}", "Open dossiers (not yet processed) in each commune queue's worklist.");

        // Every series from the start, so a replica that has done nothing yet reports 0, not nothing.
        _submitted.Add(0, new KeyValuePair<string, object?>("channel", "online"));
        _routed.Add(0);
        _completed.Add(0);
    }

    public void Submitted(long count, string channel)
    {
        if (count > 0)
        {
            _submitted.Add(count, new KeyValuePair<string, object?>("channel", channel));
        }
    }

    public void Routed(long count)
    {
        if (count > 0)
        {
            _routed.Add(count);
        }
    }

    public void Completed(long count)
    {
        if (count > 0)
        {
            _completed.Add(count);
        }
    }

    /// <summary>One writer's turn on the single write path (SQLite only), by <see cref="WriterName"/>: how long it queued, how long it held the path.</summary>
    public void WritePath(string writer, TimeSpan waited, TimeSpan held)
    {
        var tag = new KeyValuePair<string, object?>("writer", writer);
        _writeWait.Record(waited.TotalSeconds, tag);
        _writeHeld.Record(held.TotalSeconds, tag);
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>Reads the gauges' values from the database (async, bounded by the caller's token) and keeps them for the next scrapes.</summary>
    internal async Task RefreshAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && m.Error == null);
        var pending = await waiting.CountAsync(cancellationToken);
        var oldest = await waiting.OrderBy(m => m.Sequence).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var depth = await db.WorklistItems.AsNoTracking()
            .Where(w => w.Status != DossierStatus.Processed)
            .GroupBy(w => new { w.CommuneCode, w.Agency })
            .Select(g => new { g.Key.CommuneCode, g.Key.Agency, Count = g.Count() })
            .ToListAsync(cancellationToken);
        _gauges = new DatabaseGauges(
            pending,
            oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0,
            [.. depth.Select(g => new Measurement<long>(
                g.Count, new KeyValuePair<string, object?>("commune", g.CommuneCode), new KeyValuePair<string, object?>("agency", AgencyName(g.Agency))))]);
    }

    private static string AgencyName(HandlingAgency agency) => agency == HandlingAgency.CommunePolice ? "police" : "committee";

    private sealed record DatabaseGauges(long OutboxPending, double OutboxLagSeconds, IReadOnlyList<Measurement<long>> Depth)
    {
        public static readonly DatabaseGauges Empty = new(0, 0, []);
    }
}

/// <summary>Reads the gauges of <see cref="PortalMetrics"/> every <see cref="Interval"/>, each read bounded by <see cref="Timeout"/>.</summary>
internal sealed partial class PortalGaugeRefresher(PortalMetrics metrics, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PortalGaugeRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                bounded.CancelAfter(Timeout);
                await using var scope = scopes.CreateAsyncScope();
                await metrics.RefreshAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), clock.GetUtcNow(), bounded.Token);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away or slow: the gauges keep their last values (readiness says why).
                LogNotRefreshed(ex);
            }

            await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The portal's gauges (outbox, worklist depth) could not be read from the database; they keep their last values")]
    private partial void LogNotRefreshed(Exception exception);
}
