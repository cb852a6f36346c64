using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Dossiers;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Browser;

/// <summary>The whole citizen's journey in a real Chromium against the portal on Kestrel, with an officer and a leader acting in their own browsers.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CitizenJourneyTests(BrowserFixture browsers, KestrelPortalFactory portal) : IClassFixture<KestrelPortalFactory>
{
    private readonly List<string> _accessibility = [];

    [Fact]
    public async Task A_citizen_registers_files_with_an_attachment_follows_answers_a_supplement_downloads_the_result_and_rates()
    {
        await using var citizen = await browsers.NewContextAsync(portal.Address);
        var page = await citizen.NewPageAsync();

        // Register with a citizen ID consistent with the date of birth and sex.
        await page.GotoAsync("/dang-ky");
        await CheckAsync(page);
        await page.FillAsync("#CitizenId", "038301000033");
        await page.FillAsync("#FullName", "Trịnh Thị Thu");
        await page.FillAsync("#DateOfBirth", "2001-03-08");
        await page.SelectOptionAsync("#Sex", "Female");
        await page.FillAsync("#PhoneNumber", "0912000333");
        await page.SelectOptionAsync("#ResidenceCommuneCode", "14758");
        await page.FillAsync("#ResidenceAddress", "Số 3 phố Hàm Rồng");
        await page.FillAsync("#Password", "Thu@20252025");
        await page.FillAsync("#ConfirmPassword", "Thu@20252025");
        await page.CheckAsync("#Consent");
        await page.ClickAsync("button[type=submit]:has-text('Đăng ký')");
        await BrowserFixture.ArrivedAsync(page, new Regex("/$"));

        // Complete the profile once.
        await page.GotoAsync("/tai-khoan/ho-so");
        await CheckAsync(page);
        await page.FillAsync("#Email", "thu@example.vn");
        await page.ClickAsync("button:has-text('Lưu hồ sơ cá nhân')");
        await Assertions.Expect(page.GetByText("Đã lưu hồ sơ cá nhân.")).ToBeVisibleAsync();

        // Search without diacritics, open the procedure, see 0 ₫ and why.
        await page.GotoAsync("/");
        await CheckAsync(page);
        await page.FillAsync("#q", "dang ky khai sinh");
        await page.ClickAsync("button:has-text('Tìm kiếm')");
        await page.ClickAsync("a:has-text('Đăng ký khai sinh')");
        await CheckAsync(page);
        await Assertions.Expect(page.GetByText("Giấy chứng sinh")).ToBeVisibleAsync();
        await page.ClickAsync("a:has-text('Nộp hồ sơ trực tuyến')");

        // File with an attachment; the applicant is not asked again.
        await CheckAsync(page);
        await Assertions.Expect(page.GetByText("Trịnh Thị Thu")).ToBeVisibleAsync();
        await page.FillAsync("#field-childFullName", "Trịnh Minh Khôi");
        await page.FillAsync("#field-childDateOfBirth", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5).ToString("yyyy-MM-dd"));
        await page.SelectOptionAsync("#field-childSex", "Nam");
        await page.FillAsync("#field-placeOfBirth", "Bệnh viện Đa khoa tỉnh Thanh Hóa");
        await page.FillAsync("#field-motherFullName", "Trịnh Thị Thu");
        await page.SetInputFilesAsync("#Files", new FilePayload { Name = "giay-chung-sinh.pdf", MimeType = "application/pdf", Buffer = Files.Pdf });
        await page.CheckAsync("#Consent");
        await page.ClickAsync("button:has-text('Nộp hồ sơ'):not(:has-text('trực tuyến'))");
        await BrowserFixture.ArrivedAsync(page, new Regex("/ho-so/14758-"), loaded: true);
        await CheckAsync(page);
        var code = (await page.InnerTextAsync("[data-testid=dossier-code]")).Trim();
        Assert.Matches("^14758-[0-9]{6}-[0-9]{4,}$", code);
        await Assertions.Expect(page.GetByText("giay-chung-sinh.pdf")).ToBeVisibleAsync();

        // The receipt: printable, with the look-up secret and a QR code.
        await page.GotoAsync($"/ho-so/{code}/bien-nhan");
        await CheckAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=receipt]")).ToContainTextAsync(code);
        await Assertions.Expect(page.Locator("[data-testid=receipt] img")).ToBeVisibleAsync();

        // The officer receives it and asks for a supplement; the citizen sees it and answers online.
        await Eventually.GetAsync(() => portal.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier in the worklist");
        await OfficerAsync("committee.14758", code, async officer =>
        {
            await officer.ClickAsync("button:has-text('Tiếp nhận')");
            await officer.ClickAsync("button:has-text('Bắt đầu xử lý')");
            await officer.FillAsync("#reason-supplement", "Bổ sung ảnh giấy chứng sinh rõ nét hơn");
            await officer.ClickAsync("button:has-text('Yêu cầu bổ sung')");
            await Assertions.Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Yêu cầu bổ sung");
        });
        await page.GotoAsync($"/ho-so/{code}");
        await CheckAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToContainTextAsync("Yêu cầu bổ sung");
        await Assertions.Expect(page.Locator("[data-testid=accesses]")).ToContainTextAsync("Cán bộ UBND (14758)");
        await page.SetInputFilesAsync("#supplement-files", new FilePayload { Name = "anh-ro-hon.png", MimeType = "image/png", Buffer = Files.Png });
        await page.FillAsync("#comment", "Em gửi ảnh rõ hơn ạ");
        await page.ClickAsync("button:has-text('Gửi bổ sung')");
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToContainTextAsync("Đang xử lý");

        // The officer proposes, the leader signs, the officer returns the electronic result.
        await OfficerAsync("committee.14758", code, officer => officer.ClickAsync("button:has-text('Đề xuất giải quyết')"));
        await OfficerAsync("committee-lead.14758", code, officer => officer.ClickAsync("button:has-text('Ký duyệt đề xuất')"));
        await OfficerAsync("committee.14758", code, async officer =>
        {
            await officer.FillAsync("#summary", "Đã đăng ký khai sinh cho Trịnh Minh Khôi");
            await officer.ClickAsync("button:has-text('Trả kết quả điện tử')");
        });

        // Notifications of every change, the result downloaded and verifiable, a rating.
        await Eventually.GetAsync(
            async () => await portal.QueryAsync(db => db.Notifications.CountAsync(n => n.DossierCode == code)) >= 5 ? (object)true : null,
            "a notification for each change");
        await page.GotoAsync("/thong-bao");
        await CheckAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=notifications]")).ToContainTextAsync("Đã trả kết quả");
        await page.GotoAsync($"/ho-so/{code}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=result-link]"));
        var document = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("Đã đăng ký khai sinh cho Trịnh Minh Khôi", document);
        var verification = VerificationCode().Match(document).Groups[1].Value;
        await page.GotoAsync($"/kiem-tra/{verification}");
        await Assertions.Expect(page.Locator("[data-testid=verified]")).ToContainTextAsync(code);
        await CheckAsync(page);
        await page.SetContentAsync(document); // the result document itself, as the citizen opens the downloaded file
        await CheckAsync(page);
        await page.GotoAsync($"/ho-so/{code}");
        await page.CheckAsync("#liked-yes");
        await page.ClickAsync("button:has-text('Gửi đánh giá')");
        await Assertions.Expect(page.Locator("[data-testid=rating]")).ToContainTextAsync("Hài lòng");
        await CheckAsync(page);

        var dossier = await portal.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(code)));
        Assert.Equal(DossierStatus.ResultReturned, dossier.Status);
        Assert.Equal(0, dossier.Fee.TotalVnd);
        Assert.Equal(2, await portal.QueryAsync(db => db.Attachments.CountAsync(a => a.DossierId == dossier.Id)));
        Assert.True(Directory.EnumerateFiles(Path.Combine(portal.DataDirectory, "mail")).Any(), "e-mails went to the file sink");
        Assert.True(_accessibility.Count == 0, string.Join(Environment.NewLine, _accessibility));
    }

    [Fact]
    public async Task Every_other_citizen_page_and_its_error_states_pass_axe_and_a_missing_field_gets_its_message_next_to_it()
    {
        var code = (await DossierFiler.FileAsync(portal.Services, "1.001193", "14758")).Value; // filed for the demo citizen 038090000001
        await using var context = await browsers.NewContextAsync(portal.Address);
        var page = await context.NewPageAsync();

        // Signed out: sign-in (and its error), the personal-data notice, the public look-up with a result.
        await page.GotoAsync("/dang-nhap");
        await CheckAsync(page);
        await page.FillAsync("#UserName", "038090000001");
        await page.FillAsync("#Password", "Sai@mat-khau1");
        await page.ClickAsync("form[action='/dang-nhap'] button[type=submit]");
        await Assertions.Expect(page.GetByText("Tên đăng nhập hoặc mật khẩu không đúng.")).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GotoAsync("/thong-bao-du-lieu-ca-nhan");
        await CheckAsync(page);
        await page.GotoAsync("/tra-cuu");
        await page.FillAsync("#ma", code);
        await page.FillAsync("#so-dinh-danh", "038090000001");
        await page.ClickAsync("button:has-text('Tra cứu')");
        await Assertions.Expect(page.Locator("[data-testid=lookup-result]")).ToContainTextAsync(code);
        await CheckAsync(page);

        // Signed in: a filing with a required field left empty gets the message next to that field and writes nothing.
        await BrowserFixture.SignInAsync(page, "038090000001");
        var dossiers = await portal.QueryAsync(db => db.Dossiers.CountAsync());
        await page.GotoAsync("/nop-ho-so/1.001193");
        await page.FillAsync("#field-childDateOfBirth", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd"));
        await page.SelectOptionAsync("#field-childSex", "Nữ");
        await page.FillAsync("#field-placeOfBirth", "Trạm y tế phường Hàm Rồng");
        await page.FillAsync("#field-motherFullName", "Nguyễn Thị Hạnh");
        await page.CheckAsync("#Consent");
        await page.ClickAsync("button:has-text('Nộp hồ sơ'):not(:has-text('trực tuyến'))");
        await Assertions.Expect(page.Locator("#field-childFullName-error")).ToHaveTextAsync("Họ và tên trẻ: không được để trống.");
        await Assertions.Expect(page.Locator("#field-childFullName")).ToHaveAttributeAsync("aria-describedby", "field-childFullName-error");
        await Assertions.Expect(page.Locator("#field-placeOfBirth")).ToHaveValueAsync("Trạm y tế phường Hàm Rồng"); // nothing typed is lost
        await CheckAsync(page);
        Assert.Equal(dossiers, await portal.QueryAsync(db => db.Dossiers.CountAsync()));

        // Saved as a draft and resumed from "my dossiers".
        await page.FillAsync("#field-childFullName", "Nguyễn Thị Hoa");
        await page.SetInputFilesAsync("#Files", new FilePayload { Name = "giay-chung-sinh.pdf", MimeType = "application/pdf", Buffer = Files.Pdf });
        await page.ClickAsync("button:has-text('Lưu bản nháp')");
        await Assertions.Expect(page.GetByText("Tệp đính kèm không được lưu cùng bản nháp", new() { Exact = false })).ToBeVisibleAsync(); // said, not silently dropped
        await page.GotoAsync("/ho-so-cua-toi");
        await CheckAsync(page);
        await page.ClickAsync("a[href*='ban-nhap=']");
        await Assertions.Expect(page.Locator("#field-childFullName")).ToHaveValueAsync("Nguyễn Thị Hoa");
        await CheckAsync(page);

        // The profile with a wrong phone number.
        await page.GotoAsync("/tai-khoan/ho-so");
        await page.FillAsync("#PhoneNumber", "12345");
        await page.ClickAsync("button:has-text('Lưu hồ sơ cá nhân')");
        await Assertions.Expect(page.Locator("#PhoneNumber")).ToHaveClassAsync(new Regex("is-invalid"));
        await CheckAsync(page);

        Assert.Equal(dossiers, await portal.QueryAsync(db => db.Dossiers.CountAsync()));
        Assert.True(_accessibility.Count == 0, string.Join(Environment.NewLine, _accessibility));
    }

    private async Task CheckAsync(IPage page) => _accessibility.AddRange(await BrowserFixture.AccessibilityProblemsAsync(page));

    private async Task OfficerAsync(string userName, string code, Func<IPage, Task> act)
    {
        await using var context = await browsers.NewContextAsync(portal.Address);
        var officer = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(officer, userName);
        await officer.GotoAsync($"/can-bo/ho-so/{code}");
        await act(officer);
    }

    [GeneratedRegex("data-testid=\"verification-code\">([A-Z0-9]+)<")]
    private static partial Regex VerificationCode();
}
