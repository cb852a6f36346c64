using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Portal.IntegrationTests.Support;
using Portal.Web.Infrastructure;

namespace Portal.IntegrationTests.Hosting;

/// <summary>Citizen IDs masked where they are shown in passing (the header of every page) and in the logs.</summary>
public sealed class PersonalDataTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task The_header_shows_a_signed_in_citizen_as_a_masked_ID()
    {
        using var citizen = factory.CreatePortalClient();
        await citizen.SignInAsync("038090000001");

        var page = await citizen.GetPageAsync("/ho-so-cua-toi");

        Assert.Contains("038******001", page);
        Assert.DoesNotContain("038090000001", page);
    }

    [Fact]
    public void The_console_log_is_written_by_the_masking_formatter()
    {
        Assert.Equal(MaskingConsoleFormatter.FormatterName, factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.Contains(factory.Services.GetServices<ConsoleFormatter>(), f => f is MaskingConsoleFormatter);
    }
}
