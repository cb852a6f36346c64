using Portal.FaultInjection;
using Xunit.Abstractions;

namespace Portal.IntegrationTests.Messaging;

/// <summary>
/// The short run of the fault-injection harness (tests/Portal.FaultInjection; the full run and its figures are in
/// docs/reliability.md): separate web and processing processes of the real executable over the real RabbitMQ,
/// API submissions the whole time, SIGKILL of the web process and of the processing processes, a RabbitMQ
/// restart and SQLite busy periods; afterwards every acknowledged submission is in the database exactly once and
/// in exactly one worklist, with its audit lines. In the RabbitMQ collection: it stops the broker, so nothing
/// else may use it meanwhile.
/// </summary>
[Collection(RabbitCollection.Name)]
public sealed class FaultInjectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Kills_broker_restarts_and_busy_periods_lose_nothing_and_duplicate_nothing()
    {
        var log = new StringWriter();
        var plan = FaultPlan.Short;
        var report = await new FaultHarness(plan, TextWriter.Synchronized(log)).RunAsync();
        output.WriteLine(log + "\n" + report.ToMarkdown());

        Assert.True(report.Valid, report.ToMarkdown());
        Assert.Equal(0, report.Total.Lost);
        Assert.Equal(0, report.Total.Duplicated);
        Assert.Empty(report.Unexpected);
        Assert.Equal(plan.WebKills + plan.ProcessingKills + plan.BrokerRestarts + plan.BusyPeriods, report.Faults.Count);
        Assert.Equal(1 + plan.WebKills, report.Starts["web"]);
        Assert.Equal(2 + plan.ProcessingKills, report.Starts["processing A"] + report.Starts["processing B"]);
        Assert.True(report.Total.Attempted >= 100, $"{report.Total.Attempted} submissions: too few to say anything");
        // The faults were felt: clients of a killed web process had to retry, and got their answer.
        Assert.True(report.During(FaultKind.WebKill).AfterRetries > 0, "no submission needed a retry across a web kill");
        Assert.Equal(report.Total.Attempted, report.Total.FirstTry + report.Total.AfterRetries);
    }
}
