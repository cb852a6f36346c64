using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
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
