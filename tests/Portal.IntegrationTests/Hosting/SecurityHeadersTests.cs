using Portal.IntegrationTests.Support;
using Portal.Web.Infrastructure;

namespace Portal.IntegrationTests.Hosting;

/// <summary>Pages, static files, the API and error pages all carry the security headers.</summary>
public sealed class SecurityHeadersTests(PortalAppFactory portal) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/css/site.css")]
    [InlineData("/api/v1/communes")]
    [InlineData("/khong-co-trang-nay")]
    [InlineData("/.well-known/openid-configuration")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var http = portal.CreateClient();
        var response = await http.GetAsync(path);
        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
        string Header(string name) => string.Join(";", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Header("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal(("nosniff", "DENY", "strict-origin-when-cross-origin"), (Header("X-Content-Type-Options"), Header("X-Frame-Options"), Header("Referrer-Policy")));
    }
}
