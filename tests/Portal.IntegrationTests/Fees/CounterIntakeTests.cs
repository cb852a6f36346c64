using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Fees;

public sealed class CounterIntakeTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    [Fact]
    public async Task A_walk_in_pays_the_schedule_cashless_and_the_dossier_is_received_at_once()
    {
        using var officer = factory.CreateBrowser();
        await officer.SignInAsync("committee.14758");
        const string url = "/can-bo/tiep-nhan?procedure=2.000884";
        var fields = new Dictionary<string, string>
        {
            ["CommuneCode"] = "14758", ["CitizenId"] = "038090000001", ["FullName"] = "Nguyễn Văn An", ["Consent"] = "true",
            ["ClientRequestId"] = Guid.NewGuid().ToString(), ["Fields[documentName]"] = "Giấy ủy quyền", ["Fields[signerFullName]"] = "Nguyễn Văn An",
        };

        var unpaid = await officer.PostFormAsync(url, fields, url);
        Assert.Equal(HttpStatusCode.BadRequest, unpaid.StatusCode);
        Assert.Contains("Vui lòng chọn hình thức thanh toán không dùng tiền mặt.", await unpaid.Content.ReadAsStringAsync());

        fields["PaymentMethod"] = "VietQr";
        fields["PaymentReference"] = "FT26330123456";
        var received = await officer.PostFormAsync(url, fields, url);
        var page = await received.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var code = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"dossier-code\">([^<]+)<").Groups[1].Value;
        var dossier = await factory.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(code)));
        Assert.Equal(FilingChannel.Direct, dossier.Channel);
        Assert.Equal(DossierStatus.Received, dossier.Status);
        Assert.Equal(10_000, dossier.Fee.TotalVnd);
        Assert.Equal(new DossierPayment(PaymentMethod.VietQr, "FT26330123456", 10_000, dossier.Payment!.PaidAt, "committee.14758"), dossier.Payment);
        Assert.NotNull(dossier.Applicant.UserId);

        // The citizen with an account sees the walk-in dossier online, fee and all.
        using var citizen = factory.CreateBrowser();
        var token = (await OidcClient.CodeFlowAsync(citizen, "038090000001")).AccessToken;
        var online = JsonDocument.Parse(await (await OidcClient.GetWithTokenAsync(citizen.Http, $"/api/v1/dossiers/{code}", token)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(10_000, online.GetProperty("fee").GetProperty("totalVnd").GetInt64());
    }

    [Fact]
    public async Task An_on_time_birth_registration_at_the_counter_is_free_and_needs_no_payment()
    {
        using var officer = factory.CreateBrowser();
        await officer.SignInAsync("committee.14797");
        const string url = "/can-bo/tiep-nhan?procedure=1.001193";
        var born = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10).ToString("yyyy-MM-dd");

        var received = await officer.PostFormAsync(url, new()
        {
            ["CommuneCode"] = "14797", ["CitizenId"] = "038301000025", ["FullName"] = "Phạm Thị Mẹ", ["Consent"] = "true",
            ["ClientRequestId"] = Guid.NewGuid().ToString(), ["Fields[childFullName]"] = "Phạm Văn Con", ["Fields[childDateOfBirth]"] = born,
            ["Fields[childSex]"] = "Nam", ["Fields[placeOfBirth]"] = "Thanh Hóa", ["Fields[motherFullName]"] = "Phạm Thị Mẹ",
        }, url);
        var page = await received.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        Assert.Contains("60/2014/QH13", page);
        var code = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"dossier-code\">([^<]+)<").Groups[1].Value;
        var dossier = await factory.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(code)));
        Assert.Equal(0, dossier.Fee.TotalVnd);
        Assert.Null(dossier.Payment);
        Assert.Null(dossier.Applicant.UserId);
    }

    [Fact]
    public async Task An_officer_can_only_take_in_procedures_of_their_agency_at_their_communes()
    {
        using var officer = factory.CreateBrowser();
        await officer.SignInAsync("police.14758");

        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync("/can-bo/tiep-nhan?procedure=1.001193")).StatusCode);
        var wrongCommune = await officer.PostFormAsync("/can-bo/tiep-nhan?procedure=1.003677", new()
        {
            ["CommuneCode"] = "14797", ["CitizenId"] = "038090000001", ["FullName"] = "Nguyễn Văn An", ["Consent"] = "true",
            ["ClientRequestId"] = Guid.NewGuid().ToString(), ["Fields[destinationAddress]"] = "Hà Nội", ["Fields[fromDate]"] = "2026-12-01",
            ["Fields[toDate]"] = "2026-12-31", ["Fields[reason]"] = "Công tác",
        }, "/can-bo/tiep-nhan?procedure=1.003677");
        Assert.Equal(HttpStatusCode.BadRequest, wrongCommune.StatusCode);
    }

    [Fact]
    public async Task The_citizen_sees_the_fee_and_why_as_a_sentence_before_filing()
    {
        using var citizen = factory.CreateBrowser();
        await citizen.SignInAsync("038090000001");

        var page = await (await citizen.GetAsync("/nop-ho-so/1.004222")).Content.ReadAsStringAsync();
        var english = await (await citizen.GetAsync("/nop-ho-so/1.004222?culture=en-US&ui-culture=en-US")).Content.ReadAsStringAsync();

        Assert.Contains("Bạn không phải nộp 10.000 ₫ theo mức thu của 75/2022/TT-BTC, vì được miễn: Miễn phí, lệ phí khi nộp hồ sơ trực tuyến (Thanh Hóa) theo 12/2025/NQ-HĐND (24/06/2025)", page);
        Assert.Contains("You do not pay the 10.000 ₫ set by 75/2022/TT-BTC, because it is waived: Resolution 12/2025/NQ-HĐND of the Thanh Hoa People", english);
    }
}
