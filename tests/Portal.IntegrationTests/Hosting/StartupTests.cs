using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Seeding;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Hosting;

public sealed class StartupTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Liveness_answers_and_readiness_reports_the_database_and_the_bus()
    {
        using var client = factory.CreatePortalClient();

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live")).StatusCode);
        var ready = await client.Http.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", body);
        Assert.Contains("\"database\"", body);
        Assert.Contains("\"masstransit-bus\"", body);
    }

    [Fact]
    public async Task Three_replicas_starting_together_on_a_new_database_all_start_and_seed_once()
    {
        // Found by the fault-injection harness: two processing processes started at once both updated the
        // OpenID Connect scopes, and the loser crashed with a concurrency exception.
        var data = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        var replicas = Enumerable.Range(0, 3).Select(i => new PortalAppFactory { DataDirectory = data, KeepData = i > 0 }).ToArray();
        try
        {
            await Task.WhenAll(replicas.Select(r => Task.Run(() => r.Services)));

            foreach (var replica in replicas)
            {
                Assert.Empty(await replica.QueryAsync(db => db.Database.GetPendingMigrationsAsync()));
            }

            await using (var scope = replicas[0].Services.CreateAsyncScope())
            {
                var applications = scope.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>();
                Assert.NotNull(await applications.FindByClientIdAsync("portal-mobile"));
            }

            Assert.Equal(1, await replicas[0].QueryAsync(db => db.Users.CountAsync(u => u.UserName == "038090000001")));
            Assert.Equal(await replicas[0].QueryAsync(db => db.Communes.CountAsync()), await replicas[2].QueryAsync(db => db.Communes.CountAsync()));
        }
        finally
        {
            foreach (var replica in replicas.Reverse())
            {
                replica.Dispose();
            }
        }
    }

    [Fact]
    public async Task The_embedded_database_is_a_migrated_SQLite_file_in_WAL_mode()
    {
        _ = factory.Server;
        var file = Path.Combine(factory.DataDirectory, "portal.db");
        Assert.True(File.Exists(file));

        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.Empty(await factory.QueryAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task Reference_data_is_seeded_and_seeding_again_changes_nothing()
    {
        async Task<(int, int, int, int, int)> Counts() => await factory.QueryAsync(async db => (
            await db.Communes.CountAsync(), await db.Procedures.CountAsync(), await db.FeeRules.CountAsync(),
            await db.PublicHolidays.CountAsync(), await db.Users.CountAsync()));
        var before = await Counts();

        await DatabaseInitializer.InitializeAsync(factory.Services);

        Assert.Equal(before, await Counts());
        Assert.Equal(166, before.Item1);
        Assert.Equal(16, before.Item2);
        Assert.Equal(DemoAccountSeeder.Accounts.Count, before.Item5);
    }

    [Fact]
    public async Task The_catalogue_is_public_and_search_ignores_diacritics_and_case()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetPageAsync("/?q=DANG%20KY%20KHAI%20SINH");

        Assert.Contains("Đăng ký khai sinh", page);
        Assert.DoesNotContain("Đăng ký thường trú", page);
        Assert.Contains("lang=\"vi\"", page);
    }

    [Fact]
    public async Task The_procedure_page_previews_zero_online_and_the_schedule_at_the_counter()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetPageAsync("/thu-tuc/1.004222");

        Assert.Contains("fee-zero\">0 ₫", page);
        Assert.Contains("20.000 ₫", page);
        Assert.Contains("12/2025/NQ-HĐND", page);
    }

    [Fact]
    public async Task Front_end_libraries_from_npm_are_served()
    {
        using var client = factory.CreatePortalClient();

        var css = await client.Http.GetAsync("/lib/bootstrap/bootstrap.min.css");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("Bootstrap", await css.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404_in_Vietnamese()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.Http.GetAsync("/khong-ton-tai");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/?q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa%F0%9F%98%80")]
    [InlineData("/?q=%EF%BF%BE")]
    [InlineData("/?q=%ED%A0%80")]
    [InlineData("/?q=%00%01%02")]
    public async Task Search_text_that_cannot_be_normalised_is_not_a_server_error(string url)
    {
        using var client = factory.CreatePortalClient();

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
