using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Hosting;

/// <summary>
/// A replica whose database cannot be reached: SQL Server selected by configuration, pointed at a port where
/// nothing listens, migrations left to the deployment's job (as in deploy/). The process stays alive, readiness
/// says which dependency is missing.
/// </summary>
public sealed class UnreachableDatabaseFactory : PortalAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "SqlServer");
        builder.UseSetting("Database:ConnectionString", "Server=tcp:127.0.0.1,1;Database=portal;User Id=portal;Password=not-used-1A;TrustServerCertificate=true;Connect Timeout=2");
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedDemoAccounts", "false");
    }
}

public sealed class ReadinessTests(UnreachableDatabaseFactory factory) : IClassFixture<UnreachableDatabaseFactory>
{
    [Fact]
    public async Task Without_its_database_a_replica_is_alive_but_not_ready_and_says_the_database_is_the_reason()
    {
        using var client = factory.CreatePortalClient();

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live")).StatusCode);
        var ready = await client.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Contains("\"database\"", body.RootElement.GetRawText());
        Assert.Contains("Unhealthy", body.RootElement.GetRawText()[body.RootElement.GetRawText().IndexOf("\"database\"", StringComparison.Ordinal)..]);
    }
}
