using System.Net;
using System.Text.RegularExpressions;

namespace Portal.IntegrationTests.Support;

/// <summary>An HTTP client that behaves like a browser with JavaScript off: cookies, antiforgery tokens, forms.</summary>
public sealed partial class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public async Task<string> GetPageAsync(string url)
    {
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task SignInAsync(string userName, string password = "Portal@2025")
    {
        var response = await PostFormAsync("/dang-nhap", "/dang-nhap", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Loads the page holding the form (for its antiforgery token), then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await GetPageAsync(formPage);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(page) };
        return await http.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public static string AntiforgeryToken(string page) =>
        TokenPattern().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page.");

    public static string HiddenValue(string page, string name) =>
        Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No hidden field {name} on the page.");

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
