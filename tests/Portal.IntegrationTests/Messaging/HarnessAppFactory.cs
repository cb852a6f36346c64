using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Portal.Infrastructure.Messaging;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Messaging;

/// <summary>The portal with MassTransit's test harness in place of its bus: same consumers and endpoints, messages observable.</summary>
public sealed class HarnessAppFactory : PortalAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        var options = new MessagingOptions { Communes = { HamRong, HacThanh } };
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness(x =>
        {
            // Generous inactivity: under a full parallel test run the outbox may take a few seconds to publish.
            x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(60), testInactivityTimeout: TimeSpan.FromSeconds(5));
            x.UsingInMemory((context, cfg) => BusRegistration.ConfigureEndpoints(context, cfg, options));
        }));
    }
}
