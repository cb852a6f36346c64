using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Catalogue;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Observability;

/// <summary>
/// The portal's own meters (meter <see cref="MeterName"/>), exported with ASP.NET Core's, EF Core's and
/// MassTransit's by OpenTelemetry. Counters are counted where the change commits (whichever replica made
/// it: sum them across replicas). The gauges read the shared database (every replica reports the same
/// value: take the maximum, not the sum), at most once per <see cref="GaugeRefresh"/>.
/// </summary>
public sealed class PortalMetrics : IDisposable
{
    public const string MeterName = "Portal";

    public static readonly TimeSpan GaugeRefresh = TimeSpan.FromSeconds(10);

    private readonly Meter _meter;
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _routed;
    private readonly Counter<long> _completed;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private DatabaseGauges? _gauges;

    public PortalMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        _meter = meters.Create(MeterName);
        _submitted = _meter.CreateCounter<long>("portal.dossiers.submitted", "{dossier}", "Dossiers filed (online and at the counter), counted when stored.");
        _routed = _meter.CreateCounter<long>("portal.dossiers.routed", "{dossier}", "Dossiers placed in their commune queue's worklist.");
        _completed = _meter.CreateCounter<long>("portal.dossiers.completed", "{dossier}", "Dossiers whose processing ended (processed, refused, stopped or withdrawn).");
        _meter.CreateObservableGauge("portal.outbox.pending", () => Gauges().OutboxPending, "{message}", "Messages written to the outbox and not yet published.");
        _meter.CreateObservableGauge("portal.outbox.lag", () => Gauges().OutboxLagSeconds, "s", "Age of the oldest message waiting in the outbox (0 when none waits).");
        _meter.CreateObservableGauge("portal.worklist.depth", () => Gauges().Depth, "{dossier}", "Open dossiers in each commune queue's worklist.");
    }

    public void Submitted(long count, string channel) => Add(_submitted, count, "channel", channel);

    public void Routed(long count) => Add(_routed, count, null, null);

    public void Completed(long count) => Add(_completed, count, null, null);

    public void Dispose() => _meter.Dispose();

    private static void Add(Counter<long> counter, long count, string? tag, string? value)
    {
        if (count == 0)
        {
            return;
        }

        if (tag is null)
        {
            counter.Add(count);
        }
        else
        {
            counter.Add(count, new KeyValuePair<string, object?>(tag, value));
        }
    }

    private DatabaseGauges Gauges()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_gauges is { } cached && now - cached.ReadAt < GaugeRefresh)
            {
                return cached;
            }

            try
            {
                _gauges = Read(now);
            }
            catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException or TimeoutException)
            {
                // The database is away: report nothing new rather than fail the scrape (readiness says why).
                _gauges = (_gauges ?? DatabaseGauges.Empty) with { ReadAt = now };
            }

            return _gauges;
        }
    }

    private DatabaseGauges Read(DateTimeOffset now)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var waiting = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && m.Error == null);
        var pending = waiting.Count();
        var oldest = pending == 0 ? (DateTimeOffset?)null : waiting.OrderBy(m => m.Sequence).Select(m => m.CreatedAt).First();
        var depth = db.WorklistItems.AsNoTracking()
            .GroupBy(w => new { w.CommuneCode, w.Agency })
            .Select(g => new { g.Key.CommuneCode, g.Key.Agency, Count = g.Count() })
            .ToList()
            .Select(g => new Measurement<long>(g.Count, new KeyValuePair<string, object?>("commune", g.CommuneCode), new KeyValuePair<string, object?>("agency", AgencyName(g.Agency))))
            .ToList();
        return new DatabaseGauges(now, pending, oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0, depth);
    }

    private static string AgencyName(HandlingAgency agency) => agency == HandlingAgency.CommunePolice ? "police" : "committee";

    private sealed record DatabaseGauges(DateTimeOffset ReadAt, long OutboxPending, double OutboxLagSeconds, IReadOnlyList<Measurement<long>> Depth)
    {
        public static readonly DatabaseGauges Empty = new(DateTimeOffset.MinValue, 0, 0, []);
    }
}
