using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;

namespace Portal.IntegrationTests.Support;

/// <summary>
/// The whole portal in-process over a real SQLite file in its own temporary folder, with the bus's
/// queues limited to two communes (Hàm Rồng 14758, Hạc Thành 14797) to keep start-up short.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    public const string HamRong = "14758";
    public const string HacThanh = "14797";

    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Leave the data folder on disposal, for a second "process" to start on the same database.</summary>
    public bool KeepData { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Database:SeedDemoAccounts", "true");
        builder.UseSetting("Messaging:Transport", "InMemory");
        builder.UseSetting("Messaging:Communes:0", HamRong);
        builder.UseSetting("Messaging:Communes:1", HacThanh);
        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.200");
        // Digests are sent by tests that ask for them, at the time they choose.
        builder.UseSetting("Casework:DailyDigest:Enabled", "false");
        // Tests sign in, register and call the API far faster than people; the limits have tests of their own.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:RegistrationPerMinute", "100000");
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        ConfigureSettings(builder);
    }

    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Runs a query against the portal's database in a fresh scope.</summary>
    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepData && Directory.Exists(DataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            DeleteTemporaryFolder(DataDirectory);
        }
    }

    /// <summary>A test's temporary folder: removed, retried once if something was still writing into it; never a test failure.</summary>
    private static void DeleteTemporaryFolder(string path)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 2)
            {
                Thread.Sleep(200);
            }
            catch (IOException)
            {
                return; // under /tmp; the OS cleans it
            }
        }
    }
}
