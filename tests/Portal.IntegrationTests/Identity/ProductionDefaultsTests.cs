using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Seeding;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Identity;

/// <summary>The portal started as outside the embedded default: no demo account is created.</summary>
public sealed class NoDemoAccountsFactory : PortalAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Database:SeedDemoAccounts", "false");
}

public sealed class ProductionDefaultsTests(NoDemoAccountsFactory factory) : IClassFixture<NoDemoAccountsFactory>
{
    [Fact]
    public async Task Without_the_embedded_defaults_setting_no_demo_account_exists_and_only_the_development_settings_turn_it_on()
    {
        using var client = factory.CreatePortalClient();
        Assert.Contains("Đăng ký khai sinh", await client.GetPageAsync("/"));

        var names = DemoAccountSeeder.Accounts.Select(a => a.UserName).ToList();
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync(u => names.Contains(u.UserName!))));
        Assert.Equal(166, await factory.QueryAsync(db => db.Communes.CountAsync()));

        var web = Path.Combine(AppContext.BaseDirectory);
        Assert.False(SeedsDemoAccounts(Path.Combine(web, "appsettings.json")));
        Assert.True(SeedsDemoAccounts(Path.Combine(web, "appsettings.Development.json")));
    }

    private static bool SeedsDemoAccounts(string settingsFile)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(settingsFile), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return settings.RootElement.GetProperty("Database").GetProperty("SeedDemoAccounts").GetBoolean();
    }
}
