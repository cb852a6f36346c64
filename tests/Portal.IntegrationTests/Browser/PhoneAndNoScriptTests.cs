using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Browser;

/// <summary>Filing on a phone-sized screen, and filing with JavaScript disabled; and bad input through the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PhoneAndNoScriptTests(BrowserFixture browsers, KestrelPortalFactory portal) : IClassFixture<KestrelPortalFactory>
{
    [Fact]
    public async Task A_citizen_files_from_a_phone_sized_screen_and_every_page_passes_axe()
    {
        await using var context = await browsers.NewContextAsync(portal.Address, phone: true);
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        await SignInAsync(page, "038090000001");
        await page.GotoAsync("/?q=TAM%20TRU");
        problems.AddRange(await BrowserFixture.AccessibilityProblemsAsync(page));
        await page.ClickAsync("a:has-text('Đăng ký tạm trú')");
        problems.AddRange(await BrowserFixture.AccessibilityProblemsAsync(page));
        await page.ClickAsync("a:has-text('Nộp hồ sơ trực tuyến')");
        problems.AddRange(await BrowserFixture.AccessibilityProblemsAsync(page));
        await page.FillAsync("#field-temporaryAddress", "Số 8 phố Trần Phú");
        await page.FillAsync("#field-fromDate", "2026-12-01");
        await page.FillAsync("#field-toDate", "2027-12-01");
        await page.CheckAsync("#Consent");
        await page.ClickAsync("button:has-text('Nộp hồ sơ'):not(:has-text('trực tuyến'))");
        await BrowserFixture.ArrivedAsync(page, new Regex("/ho-so/14758-"), loaded: true);
        problems.AddRange(await BrowserFixture.AccessibilityProblemsAsync(page));
        var code = (await page.InnerTextAsync("[data-testid=dossier-code]")).Trim();
        await page.GotoAsync($"/ho-so/{code}/bien-nhan");
        problems.AddRange(await BrowserFixture.AccessibilityProblemsAsync(page));
        await page.GotoAsync("/ho-so-cua-toi");
        problems.AddRange(await BrowserFixture.AccessibilityProblemsAsync(page));
        await page.GotoAsync("/tra-cuu");
        problems.AddRange(await BrowserFixture.AccessibilityProblemsAsync(page));

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways on a phone ({width}px)");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Filing_works_with_JavaScript_disabled()
    {
        await using var context = await browsers.NewContextAsync(portal.Address, javaScript: false);
        var page = await context.NewPageAsync();

        await SignInAsync(page, "038195000002");
        await page.GotoAsync("/nop-ho-so/1.004873", new() { WaitUntil = WaitUntilState.DOMContentLoaded }); // see ArrivedAsync
        await page.SelectOptionAsync("#field-purpose", "Đăng ký kết hôn");
        await page.SelectOptionAsync("#field-maritalStatus", "Chưa kết hôn");
        await page.CheckAsync("#Consent");
        await page.ClickAsync("button:has-text('Nộp hồ sơ'):not(:has-text('trực tuyến'))");
        await BrowserFixture.ArrivedAsync(page, new Regex("/ho-so/14797-")); // no JavaScript here, so the URL only

        var code = (await page.InnerTextAsync("[data-testid=dossier-code]")).Trim();
        Assert.NotNull(await portal.QueryAsync(db => db.Dossiers.FirstOrDefaultAsync(d => d.Code == Portal.Domain.Dossiers.DossierCode.Parse(code))));
    }

    [Fact]
    public async Task Bad_input_in_the_browser_gets_clear_messages_and_writes_nothing()
    {
        await using var context = await browsers.NewContextAsync(portal.Address);
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync("/dang-ky");
        await page.FillAsync("#CitizenId", "038301000033");
        await page.FillAsync("#DateOfBirth", "1990-01-01");
        await page.SelectOptionAsync("#Sex", "Male");
        await page.ClickAsync("button[type=submit]:has-text('Đăng ký')");
        await Assertions.Expect(page.GetByText("Chữ số thứ tư của số định danh không khớp với thế kỷ của năm sinh.").First).ToBeVisibleAsync();

        await SignInAsync(page, "038090000001");
        var before = await portal.QueryAsync(db => db.Dossiers.CountAsync());
        await page.GotoAsync("/nop-ho-so/2.000884");
        await page.FillAsync("#field-documentName", "<script>alert('x')</script>");
        await page.SetInputFilesAsync("#Files", new[]
        {
            new FilePayload { Name = "hop-dong.pdf", MimeType = "application/pdf", Buffer = Files.DisguisedHtml },
            new FilePayload { Name = "to-khai.pdf", MimeType = "application/pdf", Buffer = Files.Oversized },
        });
        await page.CheckAsync("#Consent");
        await page.ClickAsync("button:has-text('Nộp hồ sơ'):not(:has-text('trực tuyến'))");
        await Assertions.Expect(page.GetByText("hop-dong.pdf: chỉ nhận tệp PDF, JPEG hoặc PNG").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("to-khai.pdf: tệp quá 5 MB.").First).ToBeVisibleAsync();
        Assert.Equal(before, await portal.QueryAsync(db => db.Dossiers.CountAsync()));

        // The script typed in a field is kept as text, never run; a double click still files one dossier.
        await page.SetInputFilesAsync("#Files", Array.Empty<FilePayload>());
        await page.FillAsync("#field-signerFullName", "Nguyễn Văn An");
        await page.CheckAsync("#Consent");
        var submit = page.Locator("button:has-text('Nộp hồ sơ'):not(:has-text('trực tuyến'))");
        await submit.DblClickAsync();
        await BrowserFixture.ArrivedAsync(page, new Regex("/ho-so/"));
        Assert.Equal(0, dialogs);
        Assert.Equal(before + 1, await portal.QueryAsync(db => db.Dossiers.CountAsync()));
        var stored = await portal.QueryAsync(db => db.Dossiers.OrderByDescending(d => d.FiledAt).FirstAsync());
        Assert.Equal("<script>alert('x')</script>", stored.FormData["documentName"]);
    }

    private static Task SignInAsync(IPage page, string userName) => BrowserFixture.SignInAsync(page, userName);
}
