using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Api;

public sealed class TightLimitsFactory : PortalAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimits:SignInPerMinute", "2");
        builder.UseSetting("RateLimits:RegistrationPerMinute", "1");
        builder.UseSetting("RateLimits:ApiPerMinute", "3");
    }
}

/// <summary>Sign-in, registration and the API answer 429 with a clear message once a client goes too fast; nothing is written.</summary>
public sealed class RateLimitTests(TightLimitsFactory factory) : IClassFixture<TightLimitsFactory>
{
    [Fact]
    public async Task Guessing_passwords_at_speed_is_refused_with_a_message_in_the_users_language()
    {
        using var client = factory.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostFormAsync("/dang-nhap", "/dang-nhap", new() { ["UserName"] = "038090000001", ["Password"] = $"wrong-{i}" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses); // wrong password: the form again, then refused
        Assert.True(last!.Headers.RetryAfter is not null, "Retry-After");
        Assert.Contains("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_accounts_at_speed_is_refused_and_writes_nothing()
    {
        using var client = factory.CreatePortalClient();
        var users = await factory.QueryAsync(db => db.Users.CountAsync());
        var first = await client.PostFormAsync("/dang-ky", "/dang-ky", new() { ["FullName"] = "x" }); // invalid: the form again, with messages (400)
        var second = await client.PostFormAsync("/dang-ky", "/dang-ky", new() { ["FullName"] = "x" });
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode));
        Assert.Equal(users, await factory.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task The_api_answers_429_with_a_problem_document_once_a_caller_goes_too_fast()
    {
        using var client = factory.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await client.Http.GetAsync("/api/v1/communes");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("You have sent too many requests in a short time. Please try again in a minute.", problem.GetProperty("title").GetString());
    }
}
