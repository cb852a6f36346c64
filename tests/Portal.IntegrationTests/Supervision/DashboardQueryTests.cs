using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Supervision;

/// <summary>The portal with EF Core's SQL captured (the command log), to see what a page load reads.</summary>
public sealed class SqlCaptureFactory : KestrelPortalFactory
{
    public ConcurrentQueue<string> Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)
            .AddProvider(new CommandCapture(Commands)));
    }

    private sealed class CommandCapture(ConcurrentQueue<string> commands) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? commands : null);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string>? commands) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => commands is not null && logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                commands?.Enqueue(formatter(state, exception));
        }
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
        portal.Commands.Clear();

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
