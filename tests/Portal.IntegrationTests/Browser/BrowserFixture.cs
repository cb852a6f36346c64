using System.Text.Json;
using Microsoft.Playwright;

namespace Portal.IntegrationTests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by the test command) driven by Playwright; nothing is
/// downloaded. If Chromium is missing the fixture throws and every browser test fails: none is skipped.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium package.");
        }

        // A page's answer to a form (POST, redirect, render) can take more than Playwright's 5 s on the two CI cores while
        // other test classes run; an assertion waits up to 15 s, which only a failing test ever spends.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A new browser context; every page in it records the Content-Security-Policy violations it meets (read by <see cref="AccessibilityProblemsAsync"/>).</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUrl, bool phone = false, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            JavaScriptEnabled = javaScript,
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        await context.AddInitScriptAsync(
            "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at line ' + e.lineNumber));");
        return context;
    }

    /// <summary>Signs in on the portal's sign-in page, as a person would (demo password), and waits for the home page.</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/dang-nhap");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", "Portal@2025");
        await page.ClickAsync("form[action='/dang-nhap'] button[type=submit]");
        await ArrivedAsync(page, new System.Text.RegularExpressions.Regex("/$"));
    }

    /// <summary>
    /// Waits until the page's URL matches, and with <paramref name="loaded"/> until its document has finished loading
    /// (stylesheets too, for the accessibility checks; needs JavaScript). Polls the URL and <c>document.readyState</c>
    /// instead of waiting for Playwright's lifecycle events: with Debian's Chromium, <c>WaitForURLAsync</c> on a page
    /// already at the URL sometimes waited for a "load" event that never came (CI: 30-s timeouts after "networkidle").
    /// </summary>
    public static async Task ArrivedAsync(IPage page, System.Text.RegularExpressions.Regex url, bool loaded = false)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 30_000 });
        if (loaded)
        {
            await page.WaitForFunctionAsync("document.readyState === 'complete'", null, new() { Timeout = 30_000, PollingInterval = 50 });
        }
    }

    /// <summary>axe-core from npm (tests/Portal.IntegrationTests/package.json), copied next to the tests by the build.</summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOperationException($"{path} is missing: the build installs axe-core with npm ci.");
    });

    /// <summary>axe-core on the current page: the serious and critical violations, as readable lines, and any Content-Security-Policy violation the page met.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityProblemsAsync(IPage page)
    {
        var blocked = await page.EvaluateAsync<string[]?>("window.__cspViolations || null");
        // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not stop it (nothing is added to the page).
        await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))");
        return [.. violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}"),
            .. (blocked ?? []).Select(b => $"{page.Url}: blocked by the Content-Security-Policy: {b}")];
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
