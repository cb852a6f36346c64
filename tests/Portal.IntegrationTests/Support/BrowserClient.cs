using System.Net;
using System.Text.RegularExpressions;

namespace Portal.IntegrationTests.Support;

/// <summary>
/// A real HTTP client with a cookie jar that follows redirects itself, so a test can stop where a
/// redirect leaves this site (an OAuth callback, another provider).
/// </summary>
public sealed partial class BrowserClient : IDisposable
{
    private readonly HttpClient _http;

    public BrowserClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    public HttpClient Http => _http;

    /// <summary>Follows redirects while they stay on this site; returns the last response (a page, or a redirect elsewhere).</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, int limit = 10)
    {
        while (limit-- > 0 && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(BaseAddress, location);
            if (target.Authority != BaseAddress.Authority)
            {
                return response;
            }

            response = await _http.GetAsync(target);
        }

        return response;
    }

    public async Task<HttpResponseMessage> GetAsync(string url) => await FollowAsync(await _http.GetAsync(url));

    public async Task<string> SignInAsync(string userName, string password = "Portal@2025", string returnUrl = "/")
    {
        var page = await (await _http.GetAsync("/dang-nhap")).Content.ReadAsStringAsync();
        var response = await _http.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["ReturnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page),
        }));
        return response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? tokenPage = null)
    {
        var page = await (await _http.GetAsync(tokenPage ?? "/dang-nhap")).Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page) };
        return await _http.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public static string QueryValue(Uri uri, string name) =>
        Regex.Match(uri.Query, $"[?&]{Regex.Escape(name)}=([^&]*)") is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : throw new InvalidOperationException($"{name} not in {uri}");

    public void Dispose() => _http.Dispose();
}
