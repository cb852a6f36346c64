using System.Net;
using System.Text.Json;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Identity;

/// <summary>The OpenID Connect server driven by a real HTTP client against the portal on Kestrel.</summary>
public sealed class OidcServerTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    private const string Citizen = "038090000001";

    [Fact]
    public async Task Discovery_advertises_the_flows_and_only_the_S256_code_challenge()
    {
        using var browser = factory.CreateBrowser();

        var json = JsonDocument.Parse(await (await browser.GetAsync("/.well-known/openid-configuration")).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(["S256"], json.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var grants = json.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Contains("refresh_token", grants);
        Assert.EndsWith("/connect/userinfo", json.GetProperty("userinfo_endpoint").GetString());
        Assert.EndsWith("/connect/revoke", json.GetProperty("revocation_endpoint").GetString());
    }

    [Fact]
    public async Task The_mobile_app_signs_a_citizen_in_with_code_and_PKCE_on_any_loopback_port_and_calls_the_API()
    {
        using var browser = factory.CreateBrowser();

        var tokens = await OidcClient.CodeFlowAsync(browser, Citizen, callbackPort: Random.Shared.Next(20000, 60000));

        Assert.NotNull(tokens.IdToken);
        Assert.NotNull(tokens.RefreshToken);
        Assert.True(tokens.Raw.GetProperty("expires_in").GetInt32() <= 600);
        var mine = await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/dossiers", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var userInfo = JsonDocument.Parse(await (await OidcClient.GetWithTokenAsync(browser.Http, "/connect/userinfo", tokens.AccessToken)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Nguyễn Văn An", userInfo.GetProperty("name").GetString());
        Assert.Equal(Citizen, userInfo.GetProperty("preferred_username").GetString());
    }

    [Fact]
    public async Task Refresh_tokens_rotate_the_old_one_stops_working_and_revocation_ends_the_session()
    {
        using var browser = factory.CreateBrowser();
        var first = await OidcClient.CodeFlowAsync(browser, Citizen);

        var second = await OidcClient.ReadTokensAsync(await OidcClient.TokenRequestAsync(browser.Http, Refresh(first.RefreshToken!)));
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        var reuse = await OidcClient.TokenRequestAsync(browser.Http, Refresh(first.RefreshToken!));
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
        Assert.Contains("invalid_grant", await reuse.Content.ReadAsStringAsync());

        var revoke = await browser.Http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = OidcClient.MobileClient, ["token"] = second.RefreshToken!, ["token_type_hint"] = "refresh_token",
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await OidcClient.TokenRequestAsync(browser.Http, Refresh(second.RefreshToken!))).StatusCode);
    }

    [Fact]
    public async Task An_authorization_request_without_PKCE_is_refused()
    {
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync(Citizen);

        var response = await browser.Http.GetAsync(OidcClient.AuthorizeUrl("http://127.0.0.1:50000/callback", "openid dossiers", pkce: null));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task A_plain_code_challenge_is_refused()
    {
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync(Citizen);

        var response = await browser.Http.GetAsync(OidcClient.AuthorizeUrl("http://127.0.0.1:50000/callback", "openid dossiers", OidcClient.Pkce.Create(), method: "plain"));

        await AssertRefusedAsync(response);
    }

    [Theory]
    [InlineData("http://localhost:50000/callback")]
    [InlineData("http://127.0.0.1:50000/other")]
    [InlineData("http://evil.example/callback")]
    public async Task A_redirect_uri_that_is_not_the_registered_loopback_callback_is_refused(string redirectUri)
    {
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync(Citizen);

        var response = await browser.Http.GetAsync(OidcClient.AuthorizeUrl(redirectUri, "openid dossiers", OidcClient.Pkce.Create()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_code_redeemed_with_the_wrong_verifier_gives_no_token()
    {
        using var browser = factory.CreateBrowser();
        var pkce = OidcClient.Pkce.Create();
        var redirect = "http://127.0.0.1:41000/callback";
        var callback = await OidcClient.AuthorizeAsync(browser, Citizen, redirect, "openid dossiers", pkce);

        var response = await OidcClient.TokenRequestAsync(browser.Http, new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = OidcClient.MobileClient, ["code"] = BrowserClient.QueryValue(callback, "code"),
            ["redirect_uri"] = redirect, ["code_verifier"] = OidcClient.Pkce.Create().Verifier,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_grant", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_command_centre_gets_stats_with_client_credentials_and_nothing_else()
    {
        using var browser = factory.CreateBrowser();

        var tokens = await OidcClient.ClientCredentialsAsync(browser.Http);

        var stats = await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/stats/communes", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        var rows = JsonDocument.Parse(await stats.Content.ReadAsStringAsync()).RootElement.GetProperty("communes");
        Assert.Equal(332, rows.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/dossiers", tokens.AccessToken)).StatusCode);
        var wrongSecret = await OidcClient.TokenRequestAsync(browser.Http, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "command-center", ["client_secret"] = "wrong", ["scope"] = "stats",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Contains("invalid_client", await wrongSecret.Content.ReadAsStringAsync());
        var wrongScope = await OidcClient.TokenRequestAsync(browser.Http, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "command-center", ["client_secret"] = "command-center-dev-secret", ["scope"] = "dossiers",
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongScope.StatusCode);
    }

    [Fact]
    public async Task A_citizen_token_cannot_read_stats_and_forged_or_tampered_tokens_are_refused()
    {
        using var browser = factory.CreateBrowser();
        var citizen = await OidcClient.CodeFlowAsync(browser, Citizen);

        Assert.Equal(HttpStatusCode.Forbidden, (await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/stats/communes", citizen.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/dossiers", "not-a-token")).StatusCode);
        var tampered = citizen.AccessToken[..^6] + (citizen.AccessToken[^6..] == "AAAAAA" ? "BBBBBB" : "AAAAAA");
        var response = await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/dossiers", tampered);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_citizen_token_without_an_API_scope_is_not_a_token_for_the_API()
    {
        using var browser = factory.CreateBrowser();

        var tokens = await OidcClient.CodeFlowAsync(browser, Citizen, scope: "openid profile");

        // No API scope means no "portal-api" audience: the API does not even accept the token as authentication.
        Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/dossiers", tokens.AccessToken)).StatusCode);
    }

    /// <summary>Refused either on the server's error page or by an error sent back to the client; never with a code.</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.Headers.Location is { } location)
        {
            Assert.Contains("error=invalid_request", location.Query);
            Assert.DoesNotContain("code=", location.Query);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("invalid_request", body);
        }
    }

    private static Dictionary<string, string> Refresh(string token) =>
        new() { ["grant_type"] = "refresh_token", ["client_id"] = OidcClient.MobileClient, ["refresh_token"] = token };
}
