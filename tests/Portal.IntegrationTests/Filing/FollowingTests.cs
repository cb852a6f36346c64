using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Catalogue;
using Portal.Domain.Documents;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Domain.Routing;
using Portal.Infrastructure.Identity;
using Portal.IntegrationTests.Support;
using Portal.Web.Infrastructure;

namespace Portal.IntegrationTests.Filing;

/// <summary>
/// What a citizen does after filing, over HTTP as their browser would: a notice for every change (twice the
/// same status is two notices), withdrawal, one rating per finished dossier, an earlier result attached by
/// reference, browsing the catalogue and the receiving commune's default.
/// </summary>
public sealed class FollowingTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    private const string CitizenA = "038090000001";
    private const string CitizenB = "038195000002";

    [Fact]
    public async Task Two_supplement_requests_are_two_notices_and_a_dossier_without_a_result_cannot_be_rated()
    {
        var code = await FileForAsync(CitizenA);
        using var officer = await SignedInAsync("committee.14758");
        using var citizen = await SignedInAsync(CitizenA);

        await CaseworkSteps.ActAsync(officer, code, "receive");
        await CaseworkSteps.ActAsync(officer, code, "start");
        for (var round = 1; round <= 2; round++)
        {
            await CaseworkSteps.ActAsync(officer, code, "supplement", new() { ["reason"] = $"Bổ sung lần {round}" });
            var answered = await citizen.PostFormAsync($"/ho-so/{code}/bo-sung", new() { ["comment"] = $"Trả lời lần {round}" }, $"/ho-so/{code}");
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
            Assert.True(await StatusAsync(code) == DossierStatus.InProcess, await PageAsync(citizen, $"/ho-so/{code}"));
        }

        // A disguised file (an executable named .pdf) in an answer is refused with a message and changes nothing.
        await CaseworkSteps.ActAsync(officer, code, "supplement", new() { ["reason"] = "Bổ sung lần 3" });
        var page = await PageAsync(citizen, $"/ho-so/{code}");
        using (var disguised = new MultipartFormDataContent
        {
            { new StringContent(PortalClient.AntiforgeryToken(await (await citizen.GetAsync($"/ho-so/{code}")).Content.ReadAsStringAsync())), "__RequestVerificationToken" },
            { new StringContent("Gửi giấy tờ"), "comment" },
        })
        {
            var file = new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            disguised.Add(file, "files", "giay-to.pdf");
            Assert.Equal(HttpStatusCode.Redirect, (await citizen.Http.PostAsync($"/ho-so/{code}/bo-sung", disguised)).StatusCode);
        }

        Assert.Contains("giay-to.pdf", await PageAsync(citizen, $"/ho-so/{code}"));
        Assert.Equal(DossierStatus.SupplementRequested, await StatusAsync(code));
        Assert.Equal(0, await factory.QueryAsync(db => db.Attachments.CountAsync(a => db.Dossiers.Any(d => d.Id == a.DossierId && d.Code == DossierCode.Parse(code)))));
        Assert.DoesNotContain("giay-to.pdf", page);

        // The filing itself; processing started, then resumed after each answer: three notices for "in process", three for the requests.
        try
        {
            await Eventually.GetAsync(
                async () => await NoticesAsync(code, DossierStatus.SupplementRequested) == 3 && await NoticesAsync(code, DossierStatus.InProcess) == 3
                    && await NoticesAsync(code, DossierStatus.New) == 1 ? (object)true : null,
                "a notice for each of the two supplement requests and each return to processing");
        }
        catch (TimeoutException)
        {
            var notices = await factory.QueryAsync(db => db.Notifications.Where(n => n.DossierCode == code).Select(n => n.Status).ToListAsync());
            Assert.Fail($"notices: {string.Join(", ", notices.Select(n => (DossierStatus)n))}");
        }

        var rated = await citizen.PostFormAsync($"/ho-so/{code}/danh-gia", new() { ["liked"] = "true" }, $"/ho-so/{code}");
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        Assert.Contains("Bạn có thể đánh giá khi hồ sơ đã có kết quả.", await PageAsync(citizen, $"/ho-so/{code}"));
        Assert.Equal(0, await factory.QueryAsync(db => db.DossierRatings.CountAsync(r => db.Dossiers.Any(d => d.Id == r.DossierId && d.Code == DossierCode.Parse(code)))));
    }

    [Fact]
    public async Task The_receipt_carries_the_code_secret_unit_times_due_date_fee_and_its_basis_and_a_QR_to_the_public_look_up()
    {
        var code = await FileForAsync(CitizenA);
        var dossier = await factory.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(code)));
        using var citizen = await SignedInAsync(CitizenA);

        var receipt = await PageAsync(citizen, $"/ho-so/{code}/bien-nhan");

        Assert.Contains("(Mẫu số 01, Thông tư 03/2025/TT-VPCP)", receipt);
        Assert.Contains(code, receipt);
        Assert.Contains(dossier.LookupSecret, receipt);
        Assert.Contains("Phường Hàm Rồng", receipt);
        Assert.Contains("Ủy ban nhân dân xã, phường", receipt);
        Assert.Contains(Format.DateTime(dossier.FiledAt), receipt);
        Assert.Contains(Format.DateTime(dossier.AppointmentAt), receipt);
        Assert.Matches("0 ₫ · Bạn không phải nộp 5.000 ₫ theo mức thu của [^,]+, vì được miễn: [^<]+ theo [^<]+/(NQ-HĐND|QH13)", receipt);
        Assert.Contains("src=\"data:image/png;base64,", receipt);
        Assert.Contains($"/tra-cuu?ma={code}&ma-tra-cuu={dossier.LookupSecret}", receipt);
        Assert.Contains("@media print", await (await citizen.GetAsync("/css/site.css")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unfinished_dossier_past_its_due_date_shows_as_late_to_the_citizen_and_on_the_public_look_up()
    {
        var late = await FileForAsync(CitizenA);
        var onTime = await FileForAsync(CitizenA);
        await CaseworkTestData.MakeOverdueAsync(factory, late, TimeSpan.FromHours(2));
        using var citizen = await SignedInAsync(CitizenA);
        const string Badge = "data-testid=\"overdue\"";

        Assert.Contains(Badge, await PageAsync(citizen, $"/ho-so/{late}"));
        Assert.DoesNotContain(Badge, await PageAsync(citizen, $"/ho-so/{onTime}"));
        var mine = await PageAsync(citizen, "/ho-so-cua-toi");
        Assert.Matches($"(?s){late}</a></td>(?:(?!</tr>).)*{Badge}", mine);
        Assert.DoesNotMatch($"(?s){onTime}</a></td>(?:(?!</tr>).)*{Badge}", mine);
        using var anonymous = factory.CreateBrowser();
        Assert.Contains(Badge, await PageAsync(anonymous, $"/tra-cuu?ma={late}&so-dinh-danh={CitizenA}"));
    }

    [Fact]
    public async Task A_citizen_withdraws_a_dossier_once_and_is_told_when_it_can_no_longer_be_withdrawn()
    {
        var code = await FileForAsync(CitizenA);
        using var citizen = await SignedInAsync(CitizenA);

        var withdrawn = await citizen.PostFormAsync($"/ho-so/{code}/rut", new() { ["reason"] = "Nộp nhầm thủ tục" }, $"/ho-so/{code}");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("Đã rút hồ sơ.", await PageAsync(citizen, $"/ho-so/{code}"));
        Assert.Equal(DossierStatus.Withdrawn, await StatusAsync(code));
        var history = await factory.QueryAsync(db => db.DossierTransitions.CountAsync(t => db.Dossiers.Any(d => d.Id == t.DossierId && d.Code == DossierCode.Parse(code))));

        var again = await citizen.PostFormAsync($"/ho-so/{code}/rut", new() { ["reason"] = "Lần nữa" }, $"/ho-so/{code}");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var page = await PageAsync(citizen, $"/ho-so/{code}");
        Assert.Contains("Hồ sơ đã kết thúc xử lý, không thể rút.", page);
        Assert.DoesNotContain("Đã rút hồ sơ.</", page);
        Assert.Equal(history, await factory.QueryAsync(db => db.DossierTransitions.CountAsync(t => db.Dossiers.Any(d => d.Id == t.DossierId && d.Code == DossierCode.Parse(code)))));
        await Eventually.GetAsync(
            async () => await factory.QueryAsync(db => db.WorklistItems.AnyAsync(w => w.DossierCode == code)) ? null : (object)true,
            "the withdrawn dossier off the worklist");
    }

    [Fact]
    public async Task A_finished_dossier_is_rated_once_and_its_result_is_attached_by_reference_to_a_later_filing_but_another_citizens_is_not()
    {
        var mine = await FileAndFinishAsync(CitizenA);
        var theirs = await FileAndFinishAsync(CitizenB);
        using var citizen = await SignedInAsync(CitizenA);

        // Rated once: the second rating is refused with a message and the first stands.
        await citizen.PostFormAsync($"/ho-so/{mine.Code}/danh-gia", new() { ["liked"] = "true", ["comment"] = "Nhanh" }, $"/ho-so/{mine.Code}");
        await citizen.PostFormAsync($"/ho-so/{mine.Code}/danh-gia", new() { ["liked"] = "false" }, $"/ho-so/{mine.Code}");
        Assert.Contains("Bạn đã đánh giá hồ sơ này; mỗi hồ sơ được đánh giá một lần.", await PageAsync(citizen, $"/ho-so/{mine.Code}"));
        var rating = await factory.QueryAsync(db => db.DossierRatings.SingleAsync(r => r.DossierId == mine.Id));
        Assert.True(rating.Liked);

        // The filing form offers the citizen's own result, not anyone else's; posting both ids attaches only theirs.
        var form = await PageAsync(citizen, "/nop-ho-so/1.004873");
        Assert.Contains($"reuse-{mine.Id}", form);
        Assert.DoesNotContain($"reuse-{theirs.Id}", form);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", PortalClient.AntiforgeryToken(form)), new("ClientRequestId", PortalClient.HiddenValue(form, "ClientRequestId")),
            new("CommuneCode", PortalAppFactory.HamRong), new("Consent", "true"),
            new("ReusedResults", mine.Id.ToString()), new("ReusedResults", theirs.Id.ToString()),
        };
        foreach (var field in await RequiredFieldsAsync("1.004873"))
        {
            fields.Add(new(field.Key, field.Value));
        }

        var filed = await citizen.Http.PostAsync("/nop-ho-so/1.004873", new FormUrlEncodedContent(fields));

        Assert.True(filed.StatusCode == HttpStatusCode.Redirect, await filed.Content.ReadAsStringAsync());
        var code = filed.Headers.Location!.OriginalString.Split('/')[^1];
        var attachments = await factory.QueryAsync(db => db.Attachments.Where(a => db.Dossiers.Any(d => d.Id == a.DossierId && d.Code == DossierCode.Parse(code))).ToListAsync());
        var reused = Assert.Single(attachments);
        Assert.Equal(AttachmentKind.ReusedResult, reused.Kind);
        Assert.Equal(mine.Id, reused.ReusedFromDossierId);

        // Counted for Decision 766's digitisation: digitised (filed online) and reusing data the portal held.
        var counted = await Eventually.GetAsync(
            () => factory.QueryAsync(db => db.DossierStatistics.FirstOrDefaultAsync(st => st.CommuneCode == PortalAppFactory.HamRong && st.ProcedureCode == "1.004873" && st.ReusedData > 0)),
            "the reuse counted");
        Assert.Equal((1, 1, 1), (counted.ReceivedOnline, counted.Digitised, counted.ReusedData));
    }

    [Fact]
    public async Task The_catalogue_is_browsed_by_field_and_by_agency_and_the_receiving_commune_defaults_to_the_residence()
    {
        using var citizen = await SignedInAsync(CitizenB); // lives in Hạc Thành (14797)

        var residence = await PageAsync(citizen, "/?linh-vuc=residence");
        Assert.Contains("Đăng ký thường trú", residence);
        Assert.DoesNotContain("Đăng ký khai sinh", residence);
        var committee = await PageAsync(citizen, $"/?co-quan={ProcessingQueue.AgencySlug(HandlingAgency.CommuneCommittee)}");
        Assert.Contains("Đăng ký khai sinh", committee);
        Assert.DoesNotContain("Đăng ký thường trú", committee);

        var form = await PageAsync(citizen, "/nop-ho-so/2.000884");
        Assert.Matches("<option value=\"14797\" selected=\"selected\"", form);

        // Signature certification is not tied to residence: the citizen may file it at another commune.
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", PortalClient.AntiforgeryToken(form)), new("ClientRequestId", PortalClient.HiddenValue(form, "ClientRequestId")),
            new("CommuneCode", PortalAppFactory.HamRong), new("Consent", "true"),
        };
        foreach (var field in await RequiredFieldsAsync("2.000884"))
        {
            fields.Add(new(field.Key, field.Value));
        }

        var filed = await citizen.Http.PostAsync("/nop-ho-so/2.000884", new FormUrlEncodedContent(fields));

        Assert.True(filed.StatusCode == HttpStatusCode.Redirect, await filed.Content.ReadAsStringAsync());
        Assert.StartsWith("/ho-so/14758-", filed.Headers.Location!.OriginalString);
    }

    private async Task<string> FileForAsync(string citizenId)
    {
        string userId;
        string name;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(citizenId))!;
            (userId, name) = (user.Id, user.FullName);
        }

        var code = (await DossierFiler.FileAsync(factory.Services, "1.001193", PortalAppFactory.HamRong, new Applicant(userId, CitizenId.Parse(citizenId), name))).Value;
        await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier in its worklist");
        return code;
    }

    private async Task<(string Code, Guid Id)> FileAndFinishAsync(string citizenId)
    {
        var code = await FileForAsync(citizenId);
        using var officer = await SignedInAsync("committee.14758");
        using var leader = await SignedInAsync("committee-lead.14758");
        await CaseworkSteps.ActAsync(officer, code, "receive");
        await CaseworkSteps.ActAsync(officer, code, "start");
        await CaseworkSteps.ActAsync(officer, code, "propose");
        await CaseworkSteps.ActAsync(leader, code, "approve");
        await CaseworkSteps.ActAsync(officer, code, "return", new() { ["summary"] = "Đã đăng ký khai sinh" });
        Assert.Equal(DossierStatus.ResultReturned, await StatusAsync(code));
        return (code, await factory.QueryAsync(db => db.Dossiers.Where(d => d.Code == DossierCode.Parse(code)).Select(d => d.Id).SingleAsync()));
    }

    private async Task<Dictionary<string, string>> RequiredFieldsAsync(string procedureCode)
    {
        var procedure = await factory.QueryAsync(db => db.Procedures.SingleAsync(p => p.Code == procedureCode));
        return procedure.FormFields.Where(f => f.Required).ToDictionary(f => $"Fields[{f.Key}]", f => f.Type switch
        {
            FormFieldType.Date => "2026-11-20",
            FormFieldType.Number => "1",
            FormFieldType.CitizenId => CitizenB,
            FormFieldType.Choice => f.Options![0],
            _ => "Giá trị thử",
        });
    }

    private async Task<BrowserClient> SignedInAsync(string userName)
    {
        var browser = factory.CreateBrowser();
        await browser.SignInAsync(userName);
        return browser;
    }

    private static async Task<string> PageAsync(BrowserClient browser, string url) =>
        WebUtility.HtmlDecode(await (await browser.GetAsync(url)).Content.ReadAsStringAsync());

    private Task<DossierStatus> StatusAsync(string code) =>
        factory.QueryAsync(db => db.Dossiers.Where(d => d.Code == DossierCode.Parse(code)).Select(d => d.Status).SingleAsync());

    private Task<int> NoticesAsync(string code, DossierStatus status) =>
        factory.QueryAsync(db => db.Notifications.CountAsync(n => n.DossierCode == code && n.Status == (int)status));
}
