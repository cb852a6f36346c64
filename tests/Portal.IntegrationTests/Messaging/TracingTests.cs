using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
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
