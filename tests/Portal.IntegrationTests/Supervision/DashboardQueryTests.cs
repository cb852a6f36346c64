using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Supervision;

/// <summary>The portal with EF Core's SQL captured (the command log), to see what a page load reads.</summary>
public sealed class SqlCaptureFactory : KestrelPortalFactory
{
    private const string CommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";

    private readonly LogCapture _capture = new((category, level) => category == CommandCategory && level >= LogLevel.Information);

    public IEnumerable<string> Commands => _capture.Lines.Select(l => l.Message);

    public void Forget() => _capture.Lines.Clear();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddFilter(CommandCategory, LogLevel.Information).AddProvider(_capture));
    }
}

/// <summary>"Page loads never scan the dossiers table": the supervisors' pages and exports read counters, the worklist and reference data.</summary>
public sealed class DashboardQueryTests(SqlCaptureFactory portal) : IClassFixture<SqlCaptureFactory>
{
    [Fact]
    public async Task The_dashboard_a_communes_page_their_exports_and_the_API_never_read_the_dossiers_table()
    {
        await DossierFiler.FileAsync(portal.Services, "1.001193", PortalAppFactory.HamRong);
        await Eventually.GetAsync(
            () => Task.FromResult(portal.Commands.Any(c => c.Contains("INSERT INTO \"DossierStatistics\"", StringComparison.Ordinal)) ? (object)true : null),
            "the filing counted");
        await Task.Delay(TimeSpan.FromSeconds(1)); // the other consumers (audit, notifications) are done too
        using var supervisor = portal.CreateBrowser();
        await supervisor.SignInAsync("supervisor");
        using var machine = portal.CreateBrowser();
        var token = (await OidcClient.ClientCredentialsAsync(machine.Http)).AccessToken;
        portal.Forget();

        foreach (var url in new[] { "/giam-sat", "/giam-sat/in", $"/giam-sat/xa/{PortalAppFactory.HamRong}", "/giam-sat/xuat.xlsx", $"/giam-sat/xuat.xlsx?xa={PortalAppFactory.HamRong}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await OidcClient.GetWithTokenAsync(machine.Http, "/api/v1/stats/communes", token)).StatusCode);

        var commands = portal.Commands.ToList();
        Assert.True(commands.Count > 20, $"only {commands.Count} commands captured");
        Assert.Contains(commands, c => c.Contains("\"DossierStatistics\"", StringComparison.Ordinal));
        var scans = commands.Where(c => c.Contains("FROM \"Dossiers\"", StringComparison.Ordinal) || c.Contains("JOIN \"Dossiers\"", StringComparison.Ordinal)).ToList();
        Assert.True(scans.Count == 0, string.Join(Environment.NewLine + "---" + Environment.NewLine, scans));
    }
}
