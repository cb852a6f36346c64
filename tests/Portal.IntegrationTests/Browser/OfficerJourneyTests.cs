using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Infrastructure.Identity;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Browser;

/// <summary>
/// The officers' and leaders' workspace in a real Chromium against the portal on Kestrel: the worklist,
/// reception with automatic assignment, a supplement round trip with the citizen, the proposal a leader
/// sends back and then signs, the returned result; and an apology drafted for a dossier about to be late.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficerJourneyTests(BrowserFixture browsers, KestrelPortalFactory portal) : IClassFixture<KestrelPortalFactory>
{
    private const string Citizen = "038090000001";

    private readonly List<string> _accessibility = [];

    [Fact]
    public async Task Officer_and_leader_work_a_dossier_from_the_worklist_to_the_returned_result_with_a_supplement_round_trip()
    {
        var code = await FileForCitizenAsync();

        await using var officerContext = await SignedInAsync("committee.14758");
        var officer = await officerContext.NewPageAsync();
        await using var leaderContext = await SignedInAsync("committee-lead.14758");
        var leader = await leaderContext.NewPageAsync();
        await using var citizenContext = await SignedInAsync(Citizen);
        var citizen = await citizenContext.NewPageAsync();

        // The worklist: found by a search without diacritics, counted in its tab.
        await officer.GotoAsync("/can-bo/hang-doi");
        await CheckAsync(officer);
        await officer.FillAsync("#q", $"nguyen van an {code[^4..]}");
        await officer.ClickAsync("button:has-text('Lọc')");
        await Assertions.Expect(officer.Locator("[data-testid=worklist]")).ToContainTextAsync(code);
        await Assertions.Expect(officer.Locator("[data-testid=total]")).ToHaveTextAsync("1 hồ sơ");
        await officer.ClickAsync($"a:has-text('{code}')");

        // Reception assigns the dossier to an officer on duty; this officer takes it.
        await officer.ClickAsync("button:text-is('Tiếp nhận')");
        await Assertions.Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Đã tiếp nhận");
        await Assertions.Expect(officer.Locator("[data-testid=assignee]")).ToHaveTextAsync(new Regex("^committee2?\\.14758$"));

        // The leader assigns it to this officer (whoever reception picked).
        await leader.GotoAsync($"/can-bo/ho-so/{code}");
        await leader.SelectOptionAsync("#assignee", "committee.14758");
        await leader.ClickAsync("button:text-is('Phân công')");
        await Assertions.Expect(leader.Locator("[data-testid=assignee]")).ToHaveTextAsync("committee.14758");
        await officer.ReloadAsync();
        await officer.ClickAsync("button:has-text('Bắt đầu xử lý')");
        await officer.FillAsync("#reason-supplement", "Bổ sung bản chụp giấy chứng sinh có dấu của bệnh viện");
        await officer.ClickAsync("button:has-text('Yêu cầu bổ sung')");
        await Assertions.Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Yêu cầu bổ sung");
        await CheckAsync(officer);

        // The citizen reads form 02 and answers online; the clock paused and resumed.
        await citizen.GotoAsync($"/ho-so/{code}");
        await Assertions.Expect(citizen.Locator("[data-testid=status]")).ToContainTextAsync("Yêu cầu bổ sung");
        await citizen.ClickAsync("[data-testid=form-link]:has-text('Phiếu yêu cầu bổ sung')");
        await Assertions.Expect(citizen.Locator("[data-testid=national-form]")).ToHaveAttributeAsync("data-form", "02");
        await Assertions.Expect(citizen.Locator("[data-testid=form-reason]")).ToHaveTextAsync("Bổ sung bản chụp giấy chứng sinh có dấu của bệnh viện");
        await CheckAsync(citizen);
        await citizen.GotoAsync($"/ho-so/{code}");
        await citizen.SetInputFilesAsync("#supplement-files", new FilePayload { Name = "giay-chung-sinh.png", MimeType = "image/png", Buffer = Files.Png });
        await citizen.FillAsync("#comment", "Gửi bản chụp có dấu");
        await citizen.ClickAsync("button:has-text('Gửi bổ sung')");
        await Assertions.Expect(citizen.Locator("[data-testid=status]")).ToContainTextAsync("Đang xử lý");

        await officer.ReloadAsync();
        await Assertions.Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Đang xử lý");
        await Assertions.Expect(officer.Locator("[data-testid=clock]")).ToContainTextAsync("Tạm dừng (chờ bổ sung)");
        await Assertions.Expect(officer.Locator("[data-testid=clock]")).ToContainTextAsync("Tiếp tục tính hạn");
        await officer.ClickAsync("button:has-text('Đề xuất giải quyết')");
        await Assertions.Expect(officer.Locator("[data-testid=proposal]")).ToContainTextAsync("Giải quyết");

        // The leader finds it under "awaiting signature", sends it back once, then signs the new proposal.
        await leader.GotoAsync("/can-bo/hang-doi?tab=sign");
        await Assertions.Expect(leader.Locator("[data-testid=worklist]")).ToContainTextAsync(code);
        await CheckAsync(leader);
        await leader.ClickAsync($"a:has-text('{code}')");
        await leader.FillAsync("#reason-sendback", "Ghi rõ nơi sinh theo giấy chứng sinh");
        await leader.ClickAsync("button:has-text('Trả lại đề xuất')");
        await Assertions.Expect(leader.Locator("[data-testid=proposal]")).ToHaveCountAsync(0);
        await officer.ReloadAsync();
        await Assertions.Expect(officer.Locator("[data-testid=timeline]")).ToContainTextAsync("Ghi rõ nơi sinh theo giấy chứng sinh");
        await officer.ClickAsync("button:has-text('Đề xuất giải quyết')");
        await leader.ReloadAsync();
        await leader.ClickAsync("button:has-text('Ký duyệt đề xuất')");
        await Assertions.Expect(leader.Locator("[data-testid=status]")).ToHaveTextAsync("Đã giải quyết");

        await officer.ReloadAsync();
        await Assertions.Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Đã giải quyết"); // the reloaded page, not the one being left
        await officer.FillAsync("#summary", "Đã đăng ký khai sinh");
        await officer.ClickAsync("button:has-text('Trả kết quả điện tử')");
        await Assertions.Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Đã trả kết quả");

        // The leader's duty roster and the officer's digest render and pass the accessibility checks.
        await leader.GotoAsync("/can-bo/lich-truc");
        await Assertions.Expect(leader.Locator("h1")).ToHaveTextAsync("Lịch trực và ủy quyền");
        await CheckAsync(leader);
        await officer.GotoAsync("/can-bo/tom-tat");
        await Assertions.Expect(officer.Locator("[data-testid=digest]")).ToBeVisibleAsync();
        await CheckAsync(officer);

        // The citizen sees the result, and none of the office's internal steps or names.
        await citizen.GotoAsync($"/ho-so/{code}");
        await Assertions.Expect(citizen.Locator("[data-testid=status]")).ToContainTextAsync("Đã trả kết quả");
        var timeline = await citizen.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.DoesNotContain("committee.14758", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("Ghi rõ nơi sinh", timeline, StringComparison.Ordinal);

        var dossier = await portal.QueryAsync(db => db.Dossiers.Include(d => d.History).SingleAsync(d => d.Code == DossierCode.Parse(code)));
        Assert.Equal((DossierStatus.ResultReturned, ProcessingOutcome.Approved), (dossier.Status, dossier.Outcome));
        Assert.Contains(dossier.History, h => h.IsInternal && h.Reason!.StartsWith("Lãnh đạo trả lại đề xuất", StringComparison.Ordinal));
        Assert.False(await portal.QueryAsync(db => db.WorklistItems.AnyAsync(w => w.DossierCode == code)));
        Assert.True(_accessibility.Count == 0, string.Join(Environment.NewLine, _accessibility));
    }

    [Fact]
    public async Task A_dossier_about_to_miss_its_date_gets_a_drafted_apology_the_citizen_reads_as_form_04()
    {
        var code = await FileForCitizenAsync();
        using (var http = portal.CreateBrowser())
        {
            await http.SignInAsync("committee.14758");
            await http.PostFormAsync($"/can-bo/ho-so/{code}/receive", [], $"/can-bo/ho-so/{code}");
            await http.PostFormAsync($"/can-bo/ho-so/{code}/start", [], $"/can-bo/ho-so/{code}");
        }

        await CaseworkTestData.MakeOverdueAsync(portal, code, TimeSpan.FromHours(2));

        await using var officerContext = await SignedInAsync("committee.14758");
        var officer = await officerContext.NewPageAsync();
        await officer.GotoAsync("/can-bo/hang-doi?tab=late");
        await Assertions.Expect(officer.Locator($"tr[data-risk=late]:has-text('{code}')")).ToHaveCountAsync(1);
        await officer.GotoAsync($"/can-bo/ho-so/{code}");
        await Assertions.Expect(officer.Locator("[data-testid=risk]")).ToContainTextAsync("quá hạn");
        await Assertions.Expect(officer.Locator("[data-testid=apology]")).ToHaveAttributeAsync("open", "open");
        var drafted = await officer.InputValueAsync("#newDate");
        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}$"), drafted);
        Assert.Contains("xin lỗi", await officer.InputValueAsync("#reason-apologise"), StringComparison.Ordinal);
        await CheckAsync(officer);
        await officer.ClickAsync("button:has-text('Gửi thư xin lỗi')");
        var newDate = DateOnly.ParseExact(drafted, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(officer.Locator("[data-testid=appointment]")).ToContainTextAsync(newDate);

        await using var citizenContext = await SignedInAsync(Citizen);
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync($"/ho-so/{code}");
        await Assertions.Expect(citizen.Locator("dl")).ToContainTextAsync(newDate);
        await citizen.ClickAsync("[data-testid=form-link]:has-text('Phiếu xin lỗi')");
        await Assertions.Expect(citizen.Locator("[data-testid=national-form]")).ToHaveAttributeAsync("data-form", "04");
        await Assertions.Expect(citizen.Locator("[data-testid=form-new-date]")).ToContainTextAsync(newDate);
        await CheckAsync(citizen);

        var dossier = await portal.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(code)));
        Assert.True(dossier.AppointmentAt > dossier.DueAt);
        Assert.Contains(dossier.Clock, e => e.Kind == DeadlineEventKind.Extend);
        Assert.True(_accessibility.Count == 0, string.Join(Environment.NewLine, _accessibility));
    }

    private async Task<string> FileForCitizenAsync()
    {
        string userId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(Citizen))!.Id;
        }

        var code = (await DossierFiler.FileAsync(portal.Services, "1.001193", PortalAppFactory.HamRong, new Applicant(userId, CitizenId.Parse(Citizen), "Nguyễn Văn An"))).Value;
        await Eventually.GetAsync(() => portal.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier in its worklist");
        return code;
    }

    private async Task<IBrowserContext> SignedInAsync(string userName)
    {
        var context = await browsers.NewContextAsync(portal.Address);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, userName);
        await page.CloseAsync();
        return context;
    }

    private async Task CheckAsync(IPage page) => _accessibility.AddRange(await BrowserFixture.AccessibilityProblemsAsync(page));
}
