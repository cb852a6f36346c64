using System.Net;
using Microsoft.AspNetCore.Hosting;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Api;

public sealed class TightLookupLimitFactory : PortalAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("RateLimits:LookupPerMinute", "3");
}

public sealed class LookupRateLimitTests(TightLookupLimitFactory factory) : IClassFixture<TightLookupLimitFactory>
{
    [Fact]
    public async Task The_public_look_up_is_rate_limited_so_IDs_cannot_be_guessed_at_speed()
    {
        using var client = factory.CreatePortalClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.Http.GetAsync($"/api/v1/lookup?code=14758-261126-000{i}&idNumber=038090000001")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
