using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dossiers;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Api;

public sealed class BusyDatabaseFactory : KestrelPortalFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Database:SqliteBusyTimeoutMilliseconds", "500");
}

/// <summary>
/// A database busy period (another process holding SQLite's write lock, as a backup or an operator's tool
/// may): a filing that cannot get the lock in time is a 503 with a message and writes nothing; the
/// client's retry with the same idempotency key, once the lock is gone, files it exactly once.
/// </summary>
public sealed class DatabaseBusyTests(BusyDatabaseFactory factory, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BusyDatabaseFactory>
{
    [Fact]
    public async Task A_filing_during_a_lock_held_elsewhere_is_a_503_that_writes_nothing_and_its_retry_files_exactly_once()
    {
        using var browser = factory.CreateBrowser();
        var token = (await OidcClient.CodeFlowAsync(browser, "038090000001")).AccessToken;
        var key = Guid.NewGuid();
        var body = new
        {
            procedureCode = "1.001193", communeCode = PortalAppFactory.HamRong, idempotencyKey = key,
            fields = BirthRegistration.Fields(),
        };
        var before = await factory.QueryAsync(db => db.Dossiers.CountAsync());
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "portal.db")}"))
        {
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync();
            }

            var refused = await OidcClient.PostJsonWithTokenAsync(browser.Http, "/api/v1/dossiers", token, body);
            output.WriteLine($"refused after {watch.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("Hệ thống đang bận; thao tác của bạn chưa được ghi", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before, await factory.QueryAsync(db => db.Dossiers.CountAsync())); // readers are not blocked (WAL): nothing was written

            await using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        var filed = await OidcClient.PostJsonWithTokenAsync(browser.Http, "/api/v1/dossiers", token, body);
        var again = await OidcClient.PostJsonWithTokenAsync(browser.Http, "/api/v1/dossiers", token, body);
        output.WriteLine($"filed after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.True(again.IsSuccessStatusCode, $"{(int)again.StatusCode}");
        var code = System.Text.Json.JsonDocument.Parse(await filed.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        Assert.Equal(code, System.Text.Json.JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Equal(before + 1, await factory.QueryAsync(db => db.Dossiers.CountAsync()));
        await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier in exactly one worklist");
        Assert.Equal(1, await factory.QueryAsync(db => db.WorklistItems.CountAsync(w => w.DossierCode == code)));
        Assert.Equal(DossierStatus.New, (await factory.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(code)))).Status);
    }
}
