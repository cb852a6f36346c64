using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.FaultInjection;

/// <summary>
/// Plays the citizens' mobile app: signs in once through the portal's OpenID Connect server (authorization code
/// with PKCE, the <c>portal-mobile</c> client) and submits dossiers through <c>POST /api/v1/dossiers</c>, each with
/// an idempotency key it keeps across its retries, as the API documents for a client that lost an answer.
/// </summary>
public sealed partial class CitizenApp(Uri web, string userName, string password, string submitPath = "/api/v1/dossiers", string? token = null) : IDisposable
{
    private const string Redirect = "http://127.0.0.1:53117/callback";
    private readonly HttpClient _api = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { BaseAddress = web, Timeout = TimeSpan.FromSeconds(30) };
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private string? _token = token;

    /// <summary>The access token the app holds (after <see cref="SignInAsync"/>), to hand to another app.</summary>
    public string? AccessToken => _token;

    /// <summary>Signs in now (the first submission would otherwise), so a load run measures submissions only.</summary>
    public Task SignInAsync(CancellationToken cancellationToken) => TokenAsync(null, cancellationToken);

    /// <summary>One submission's attempt: the dossier code on success, otherwise what the client saw.</summary>
    public sealed record Attempt(string? Code, string? Failure, bool Retry);

    public async Task<Attempt> SubmitAsync(Guid key, string commune, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(null, cancellationToken);
        var body = JsonSerializer.Serialize(new
        {
            procedureCode = "1.001193",
            communeCode = commune,
            idempotencyKey = key,
            fields = new Dictionary<string, string>
            {
                ["childFullName"] = "Nguyễn Văn Bé", ["childSex"] = "Nam", ["placeOfBirth"] = "Trạm y tế xã",
                ["childDateOfBirth"] = DateTime.UtcNow.AddHours(7).AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["motherFullName"] = "Trần Thị Cúc",
            },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, submitPath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await _api.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                return new Attempt(JsonDocument.Parse(text).RootElement.GetProperty("code").GetString(), null, false);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await TokenAsync(token, cancellationToken);
                return new Attempt(null, "401 (signed in again)", true);
            }

            var status = (int)response.StatusCode;
            return new Attempt(null, $"{status} {Title(text)}", status >= 500 || status == 429);
        }
        catch (HttpRequestException ex)
        {
            return new Attempt(null, ex.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused" : "connection lost: " + ex.HttpRequestError, true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(null, "no answer within 30 s", true);
        }
    }

    /// <summary>A problem document's title (the message the portal gives), or the start of whatever came back.</summary>
    private static string Title(string text)
    {
        try
        {
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("title", out var title))
            {
                return "«" + title.GetString() + "»";
            }
        }
        catch (JsonException)
        {
        }

        return text.Length > 200 ? text[..200] : text;
    }

    /// <summary>The access token; signs in again when <paramref name="refused"/> is the one the API just refused.</summary>
    private async Task<string> TokenAsync(string? refused, CancellationToken cancellationToken)
    {
        await _signIn.WaitAsync(cancellationToken);
        try
        {
            if (_token is null || _token == refused)
            {
                _token = await CodeFlowAsync(cancellationToken);
            }

            return _token;
        }
        finally
        {
            _signIn.Release();
        }
    }

    private async Task<string> CodeFlowAsync(CancellationToken cancellationToken)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = _api.BaseAddress, Timeout = TimeSpan.FromSeconds(30),
        };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?client_id=portal-mobile&response_type=code&redirect_uri={Uri.EscapeDataString(Redirect)}" +
            $"&scope={Uri.EscapeDataString("openid profile dossiers offline_access")}&state=harness&code_challenge={challenge}&code_challenge_method=S256";

        var page = await (await browser.GetAsync("/dang-nhap", cancellationToken)).Content.ReadAsStringAsync(cancellationToken);
        var signIn = await browser.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = authorize,
            ["__RequestVerificationToken"] = AntiforgeryTokenOf(page),
        }), cancellationToken);
        var next = signIn.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"sign-in as {userName} failed: {(int)signIn.StatusCode}");
        for (var hop = 0; hop < 10 && !next.StartsWith(Redirect, StringComparison.Ordinal); hop++)
        {
            var response = await browser.GetAsync(next, cancellationToken);
            next = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"authorize stopped at {next}: {(int)response.StatusCode}");
        }

        var code = Uri.UnescapeDataString(CodeParameter().Match(next).Groups[1].Value);
        var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "portal-mobile", ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier,
        }), cancellationToken);
        var json = await token.Content.ReadAsStringAsync(cancellationToken);
        return token.IsSuccessStatusCode
            ? JsonDocument.Parse(json).RootElement.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"token request failed: {(int)token.StatusCode} {json}");
    }

    /// <summary>The antiforgery token of a portal form page.</summary>
    public static string AntiforgeryTokenOf(string page) => AntiforgeryToken().Match(page).Groups[1].Value;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodeParameter();

    public void Dispose()
    {
        _api.Dispose();
        _signIn.Dispose();
    }
}
