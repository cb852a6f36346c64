using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Portal.IntegrationTests.Support;

/// <summary>Plays the mobile app (public client, authorization code + PKCE S256) and the command centre (client credentials).</summary>
public static class OidcClient
{
    public const string MobileClient = "portal-mobile";

    public sealed record Tokens(string AccessToken, string? RefreshToken, string? IdToken, JsonElement Raw);

    public sealed record Pkce(string Verifier, string Challenge)
    {
        public static Pkce Create()
        {
            var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
            return new Pkce(verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        }
    }

    public static string AuthorizeUrl(string redirectUri, string scope, Pkce? pkce, string method = "S256", string clientId = MobileClient) =>
        "/connect/authorize?" + string.Join('&', new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = "state-123",
            ["nonce"] = "nonce-456",
            ["code_challenge"] = pkce is null ? null : method == "plain" ? pkce.Verifier : pkce.Challenge,
            ["code_challenge_method"] = pkce is null ? null : method,
        }.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    /// <summary>The whole browser part: authorize, sign in on the portal's form, come back with a code on the loopback redirect.</summary>
    public static async Task<Uri> AuthorizeAsync(BrowserClient browser, string userName, string redirectUri, string scope, Pkce pkce)
    {
        var url = AuthorizeUrl(redirectUri, scope, pkce);
        var first = await browser.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/dang-nhap", first.Headers.Location!.PathAndQuery);
        var back = await browser.SignInAsync(userName, returnUrl: url);
        var final = await browser.FollowAsync(await browser.Http.GetAsync(back));
        Assert.Equal(HttpStatusCode.Redirect, final.StatusCode);
        return final.Headers.Location!;
    }

    public static async Task<Tokens> CodeFlowAsync(BrowserClient browser, string userName, string scope = "openid profile dossiers offline_access", int callbackPort = 53117)
    {
        var pkce = Pkce.Create();
        var redirect = $"http://127.0.0.1:{callbackPort}/callback";
        var callback = await AuthorizeAsync(browser, userName, redirect, scope, pkce);
        Assert.StartsWith(redirect, callback.ToString());
        return await RedeemAsync(browser.Http, BrowserClient.QueryValue(callback, "code"), redirect, pkce.Verifier);
    }

    public static async Task<Tokens> RedeemAsync(HttpClient http, string code, string redirectUri, string verifier)
    {
        var response = await TokenRequestAsync(http, new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = MobileClient, ["code"] = code,
            ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
        });
        return await ReadTokensAsync(response);
    }

    public static async Task<Tokens> ClientCredentialsAsync(HttpClient http, string clientId = "command-center", string secret = "command-center-dev-secret", string scope = "stats") =>
        await ReadTokensAsync(await TokenRequestAsync(http, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        }));

    public static Task<HttpResponseMessage> TokenRequestAsync(HttpClient http, Dictionary<string, string> form) =>
        http.PostAsync("/connect/token", new FormUrlEncodedContent(form));

    public static async Task<Tokens> ReadTokensAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var json = JsonDocument.Parse(body).RootElement;
        return new Tokens(
            json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            json.TryGetProperty("id_token", out var id) ? id.GetString() : null,
            json);
    }

    public static HttpRequestMessage WithBearer(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static Task<HttpResponseMessage> GetWithTokenAsync(HttpClient http, string url, string token) =>
        http.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Get, url), token));

    public static Task<HttpResponseMessage> PostJsonWithTokenAsync(HttpClient http, string url, string token, object? body) =>
        http.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent(body) }, token));

    public static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
