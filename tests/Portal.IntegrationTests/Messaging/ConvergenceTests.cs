using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Portal.FaultInjection;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Messaging;

/// <summary>
/// The embedded default converges: with the in-memory bus, a message dispatched but not yet consumed
/// dies with the process. The next start routes every stranded dossier again.
/// </summary>
public sealed class ConvergenceTests
{
    [Fact]
    public async Task A_dossier_whose_message_died_with_the_process_reaches_its_worklist_after_a_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        string code;
        using (var first = new WebOnlyFactory { DataDirectory = data, KeepData = true })
        {
            code = (await DossierFiler.FileAsync(first.Services, "1.001193", PortalAppFactory.HamRong)).Value;
            await Eventually.GetAsync(
                () => first.QueryAsync(db => db.OutboxMessages.FirstOrDefaultAsync(m => m.SentAt != null && m.Body.Contains(code))),
                "the message to be dispatched (into a bus with nobody listening)");
            Assert.Null(await first.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)));
        }

        using var second = new RestartedFactory { DataDirectory = data };
        var item = await Eventually.GetAsync(
            () => second.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)),
            "the stranded dossier to be routed after the restart");

        Assert.Equal("worklist-14758-committee", item.QueueName);
        Assert.Equal(1, await second.QueryAsync(db => db.WorklistItems.CountAsync(w => w.DossierCode == code)));
        // The re-sent submission also reached the audit trail and the statistics, which had never seen it.
        await Eventually.GetAsync(
            () => second.QueryAsync(db => db.DossierEvents.FirstOrDefaultAsync(e => e.DossierId == item.DossierId && e.Type == "DossierSubmitted")), "the submission in the audit trail");
        Assert.Equal(0, await StatisticsVerifyAsync(second));
    }

    /// <summary>
    /// The embedded default as a newcomer runs it (one process, web and processing, SQLite, the in-memory bus),
    /// killed with SIGKILL after the dossier's routing message was dispatched and before any worklist took it:
    /// the first process consumes only Hạc Thành's queues, so the message for Hàm Rồng dies in the bus, as an
    /// in-flight message does in a crash. After the restart (all communes) the dossier is in its worklist once,
    /// audited once and counted once.
    /// </summary>
    [Fact]
    public async Task The_embedded_default_killed_after_dispatch_brings_the_dossier_into_its_worklist_after_a_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Logging__LogLevel__Default"] = "Warning",
            ["Database__Provider"] = "Sqlite", ["Database__DataDirectory"] = data, ["Database__SeedDemoAccounts"] = "true",
            ["Messaging__Transport"] = "InMemory", ["Messaging__Sweep__Grace"] = "00:00:02", ["Messaging__Sweep__Interval"] = "00:00:01",
        };
        var port = PortalProcess.FreePort();
        using var first = new PortalProcess("embedded default", port, new Dictionary<string, string>(settings) { ["Messaging__Communes__0"] = PortalAppFactory.HacThanh });
        using var restarted = new PortalProcess("embedded default, restarted", port, settings);
        try
        {
            await first.StartAsync(CancellationToken.None);
            using var app = new CitizenApp(new Uri($"http://127.0.0.1:{port}"), FaultHarness.Citizen, FaultHarness.Password);
            var attempt = await app.SubmitAsync(Guid.NewGuid(), PortalAppFactory.HamRong, CancellationToken.None);
            var code = attempt.Code ?? throw new InvalidOperationException(attempt.Failure);
            var ledger = new Ledger(data);
            await Eventually.GetAsync(
                async () => await ledger.ScalarAsync($"SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NOT NULL AND Body LIKE '%{code}%'") > 0 ? (object)true : null,
                "the submission dispatched into the in-memory bus");
            await Task.Delay(TimeSpan.FromSeconds(2)); // routed, and the routed message dropped: no consumer of Hàm Rồng's queue
            Assert.Equal(0, await ledger.ScalarAsync("SELECT COUNT(*) FROM WorklistItems"));

            await first.KillAsync();
            await restarted.StartAsync(CancellationToken.None);

            var dossier = await Eventually.GetAsync(
                async () => (await ledger.DossiersAsync()).SingleOrDefault(d => d.Code == code && d.WorklistEntries > 0 && d.SubmittedEvents > 0),
                "the dossier in its worklist after the restart", TimeSpan.FromSeconds(60));
            Assert.Equal(("worklist-14758-committee", 1, 1), (dossier.Queue, dossier.WorklistEntries, dossier.SubmittedEvents));
            await restarted.KillAsync();
            var (_, counted, text) = await FaultHarness.CommandAsync("statistics verify", settings, "statistics", "verify");
            Assert.True(counted, text);
            Assert.Empty(first.UnexpectedExits.Concat(restarted.UnexpectedExits));
        }
        finally
        {
            first.Dispose();
            restarted.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_dossier_re_driven_again_and_again_is_audited_and_counted_once()
    {
        // Its commune's queue has no consumer here, so it stays in no worklist and the sweep re-sends it every 200 ms.
        using var portal = new UnroutedFactory();
        var code = (await DossierFiler.FileAsync(portal.Services, "1.001193", PortalAppFactory.HamRong)).Value;
        var dossier = await portal.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == Portal.Domain.Dossiers.DossierCode.Parse(code)));
        var firstSend = await Eventually.GetAsync(
            () => portal.QueryAsync(db => db.OutboxMessages.Where(m => m.MessageId == dossier.Id && m.SentAt != null).Select(m => m.SentAt).FirstOrDefaultAsync()),
            "the submission sent");
        await Eventually.GetAsync(
            async () => await portal.QueryAsync(db => db.OutboxMessages.Where(m => m.MessageId == dossier.Id && m.SentAt > firstSend).Select(m => m.SentAt).FirstOrDefaultAsync()),
            "the sweep to send it again");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a few more re-sends

        Assert.Equal(1, await portal.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.MessageId == dossier.Id)));
        Assert.Equal(1, await portal.QueryAsync(db => db.DossierEvents.CountAsync(e => e.DossierId == dossier.Id && e.Type == "DossierSubmitted")));
        Assert.Equal(0, await StatisticsVerifyAsync(portal)); // counted once: the counters match a recount from the dossiers
        Assert.Null(await portal.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierId == dossier.Id)));
    }

    /// <summary><c>statistics verify</c>'s exit code once the statistics consumer has caught up (a count too high never comes down).</summary>
    private static async Task<int> StatisticsVerifyAsync(PortalAppFactory portal)
    {
        var last = "";
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var output = new StringWriter();
            if (await Portal.Web.Features.Statistics.StatisticsCommand.RunAsync(portal.Services, ["statistics", "verify"], output) == 0)
            {
                return 0;
            }

            last = output.ToString();
            await Task.Delay(100);
        }

        Assert.Fail(last);
        return 1;
    }

    private sealed class UnroutedFactory : PortalAppFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Messaging:Communes:0", HacThanh);
            builder.UseSetting("Messaging:Communes:1", "14812"); // Bỉm Sơn: anything but Hàm Rồng
            builder.UseSetting("Messaging:Sweep:Grace", "00:00:00");
            builder.UseSetting("Messaging:Sweep:Interval", "00:00:00.200");
        }
    }

    /// <summary>A process whose in-memory bus has no consumers: what it publishes is lost when it stops.</summary>
    private sealed class WebOnlyFactory : PortalAppFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Messaging:ProcessDossiers", "false");
    }

    private sealed class RestartedFactory : PortalAppFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Messaging:Sweep:Grace", "00:00:00");
    }
}
