using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Browser;

/// <summary>
/// The Content-Security-Policy is enforced by a real browser: the portal's own page meets no violation,
/// while script or style injected into a page is blocked and reported —
/// which also proves the violation check every browser test makes can see one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browsers, KestrelPortalFactory portal) : IClassFixture<KestrelPortalFactory>
{
    [Fact]
    public async Task The_portals_pages_meet_no_violation_and_injected_inline_script_and_style_are_blocked()
    {
        await using var context = await browsers.NewContextAsync(portal.Address, phone: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Empty(await BrowserFixture.AccessibilityProblemsAsync(page));

        // What an injected payload would do: an inline script and an inline style element.
        await page.EvaluateAsync("""
            () => {
              const script = document.createElement('script');
              script.textContent = 'window.__injected = true;';
              document.body.appendChild(script);
              const style = document.createElement('style');
              style.textContent = 'body { background: red; }';
              document.head.appendChild(style);
            }
            """);
        await page.WaitForFunctionAsync("window.__cspViolations.length >= 2");
        Assert.Null(await page.EvaluateAsync<bool?>("window.__injected ?? null"));
        var problems = await BrowserFixture.AccessibilityProblemsAsync(page);
        Assert.Contains(problems, p => p.Contains("blocked by the Content-Security-Policy: script-src", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("blocked by the Content-Security-Policy: style-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_accessibility_check_sees_an_image_without_a_text_alternative_and_a_field_without_a_label()
    {
        await using var context = await browsers.NewContextAsync(portal.Address);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.EvaluateAsync("""
            () => {
              const img = document.createElement('img');
              img.src = '/favicon.ico';
              document.querySelector('main').appendChild(img);
              const input = document.createElement('input');
              input.type = 'text';
              document.querySelector('main').appendChild(input);
            }
            """);
        var problems = await BrowserFixture.AccessibilityProblemsAsync(page);

        Assert.Contains(problems, p => p.Contains("image-alt (critical)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("label (critical)", StringComparison.Ordinal));
    }
}
