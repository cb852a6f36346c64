using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Observability;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Messaging;

/// <summary>
/// One trace from the change to the consumers: the outbox keeps the trace context of the transaction that wrote
/// a message, and the dispatcher publishes inside it, so MassTransit's consume activities (routing, the commune
/// queue, the audit trail, statistics, notifications) belong to the filing's trace.
/// </summary>
public sealed class TracingTests(PortalAppFactory portal) : IClassFixture<PortalAppFactory>
{
    private const string TestSourceName = "Portal.Tests.Tracing";

    private static readonly ActivitySource Test = new(TestSourceName);

    [Fact]
    public async Task A_filing_and_every_consumer_of_its_messages_share_one_trace_through_the_outbox()
    {
        var seen = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or Tracing.SourceName or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = seen.Add,
        };
        ActivitySource.AddActivityListener(listener);

        ActivityTraceId trace;
        string code;
        Assert.True(Test.HasListeners(), "the test source has no listener");
        using (var request = Test.StartActivity("filing", ActivityKind.Server)!)
        {
            trace = request.TraceId;
            code = (await DossierFiler.FileAsync(portal.Services, "1.001193", PortalAppFactory.HamRong)).Value;
        }

        var row = await portal.QueryAsync(db => db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Sequence).FirstAsync(m => m.Body.Contains(code)));
        Assert.NotNull(row.TraceParent);
        Assert.Contains(trace.ToHexString(), row.TraceParent, StringComparison.Ordinal);

        // The dossier reaches its queue, and the consumers on the way ran inside the filing's trace.
        await Eventually.GetAsync(() => portal.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier in its queue");
        var consumed = await Eventually.GetAsync(
            () => Task.FromResult<List<Activity>?>(seen.Where(a => a.TraceId == trace && a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer).ToList() is { Count: >= 2 } list ? list : null),
            "consume activities in the filing's trace");
        Assert.Contains(seen, a => a.TraceId == trace && a.Source.Name == Tracing.SourceName && a.OperationName == "outbox publish");
        Assert.True(consumed.Select(a => a.DisplayName).Distinct().Count() >= 2, string.Join(", ", consumed.Select(a => a.DisplayName)));
    }
}

/// <summary>The portal with no trace exporter (the default), its warnings captured with the trace id current when each was written.</summary>
public sealed class LogCaptureFactory : PortalAppFactory
{
    private readonly LogCapture _capture = new((_, level) => level >= LogLevel.Warning);

    public IEnumerable<(string Category, string Message, string? TraceId)> Lines => _capture.Lines;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(_capture));
    }
}

/// <summary>Logs carry one correlation id across the bus even when no trace is exported.</summary>
public sealed class LogCorrelationTests(LogCaptureFactory portal) : IClassFixture<LogCaptureFactory>
{
    [Fact]
    public async Task Without_a_trace_exporter_a_consumers_log_line_carries_the_trace_id_of_the_filing()
    {
        // A submission published inside a request's trace, for a commune the directory does not have: the routing consumer
        // fails on it and the parking step logs a warning, inside the consumer, far from the request.
        ActivityTraceId trace;
        using (var request = new Activity("POST /api/v1/dossiers").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            trace = request.TraceId;
            await portal.Services.GetRequiredService<MassTransit.IBus>().Publish(new Portal.Infrastructure.Messaging.Contracts.DossierSubmitted(
                Guid.NewGuid(), "00000-261126-9999", "1.004194", "00000", Portal.Domain.Catalogue.HandlingAgency.CommunePolice,
                Portal.Domain.Catalogue.FilingChannel.Online, "Không tồn tại", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        }

        var parked = await Eventually.GetAsync(
            () => Task.FromResult(portal.Lines.FirstOrDefault(l => l.Message.StartsWith("Parked ", StringComparison.Ordinal)) is { Message: not null } line ? (object)line : null),
            "the consumer's warning");
        var (category, message, traceId) = ((string, string, string?))parked;
        Assert.Contains("ParkFailedMessagesFilter", category, StringComparison.Ordinal);
        Assert.True(traceId == trace.ToHexString(), $"'{message}' was logged with trace {traceId ?? "none"}, the filing's is {trace}");
    }
}
