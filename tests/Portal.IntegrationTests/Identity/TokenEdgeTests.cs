using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Identity;

/// <summary>Short-lived tokens and a partner client whose tokens are issued for another audience.</summary>
public sealed class TokenEdgeFactory : KestrelPortalFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Oidc:AccessTokenLifetime", "00:00:04"); // room for the first call on a busy machine
        builder.UseSetting("Oidc:Scopes:2:Name", "partner");
        builder.UseSetting("Oidc:Scopes:2:Resources:0", "partner-api");
        builder.UseSetting("Oidc:Clients:2:ClientId", "partner");
        builder.UseSetting("Oidc:Clients:2:ClientSecret", "partner-secret");
        builder.UseSetting("Oidc:Clients:2:DisplayName", "Partner");
        builder.UseSetting("Oidc:Clients:2:GrantTypes:0", "client_credentials");
        builder.UseSetting("Oidc:Clients:2:Scopes:0", "partner");
    }
}

public sealed class TokenEdgeTests(TokenEdgeFactory factory) : IClassFixture<TokenEdgeFactory>
{
    [Fact]
    public async Task An_expired_access_token_is_refused()
    {
        using var browser = factory.CreateBrowser();
        var tokens = await OidcClient.ClientCredentialsAsync(browser.Http);
        Assert.Equal(HttpStatusCode.OK, (await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/stats/communes", tokens.AccessToken)).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/stats/communes", tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task A_token_issued_for_another_audience_is_refused_by_the_API()
    {
        using var browser = factory.CreateBrowser();

        var tokens = await OidcClient.ClientCredentialsAsync(browser.Http, "partner", "partner-secret", "partner");

        Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/stats/communes", tokens.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/dossiers", tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task A_well_formed_token_signed_with_another_key_or_not_signed_at_all_is_refused()
    {
        using var browser = factory.CreateBrowser();
        using var discovery = JsonDocument.Parse(await browser.Http.GetStringAsync("/.well-known/openid-configuration"));
        var issuer = discovery.RootElement.GetProperty("issuer").GetString()!;
        using var foreignKey = RSA.Create(2048);
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "command-center", ["client_id"] = "command-center", ["scope"] = "stats dossiers", ["oi_tkn_typ"] = "access_token",
        };
        var handler = new JsonWebTokenHandler();
        var signedElsewhere = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = "portal-api", Claims = claims, TokenType = "at+jwt", Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(foreignKey) { KeyId = "forged" }, SecurityAlgorithms.RsaSha256),
        });
        var unsigned = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = "portal-api", Claims = claims, TokenType = "at+jwt", Expires = DateTime.UtcNow.AddMinutes(5),
        });

        foreach (var forged in new[] { signedElsewhere, unsigned })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/stats/communes", forged)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/dossiers", forged)).StatusCode);
        }
    }
}
