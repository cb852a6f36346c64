using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Filing;

public sealed class FilingTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string Citizen = "038090000001";
    private const string OtherCitizen = "038195000002";
    private const string BirthRegistration = "1.001193";
    private const string PermanentResidence = "1.004222";

    [Fact]
    public async Task Submitting_online_lands_in_the_receiving_communes_queue_and_in_no_other()
    {
        using var citizen = await SignedInAsync(Citizen);

        var code = await FileAsync(citizen, BirthRegistration, PortalAppFactory.HacThanh, BirthFields());

        var item = await Eventually.GetAsync(
            () => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)),
            "the dossier to reach a worklist");
        Assert.Equal("worklist-14797-committee", item.QueueName);
        Assert.Equal(1, await factory.QueryAsync(db => db.WorklistItems.CountAsync(w => w.DossierCode == code)));

        using var hacThanhCommittee = await SignedInAsync("committee.14797");
        Assert.Contains(code, await hacThanhCommittee.GetPageAsync("/can-bo/hang-doi"));
        using var hamRongCommittee = await SignedInAsync("committee.14758");
        Assert.DoesNotContain(code, await hamRongCommittee.GetPageAsync("/can-bo/hang-doi"));
        using var hacThanhPolice = await SignedInAsync("police.14797");
        Assert.DoesNotContain(code, await hacThanhPolice.GetPageAsync("/can-bo/hang-doi"));
    }

    [Fact]
    public async Task Submitting_online_assesses_a_zero_fee_with_its_legal_basis_and_freezes_it()
    {
        using var citizen = await SignedInAsync(Citizen);

        var code = await FileAsync(citizen, PermanentResidence, PortalAppFactory.HamRong, new()
        {
            ["Fields[residenceAddress]"] = "Số 12 đường Nguyễn Trãi",
            ["Fields[relationshipToHead]"] = "Con",
            ["Fields[housingBasis]"] = "Nhà của người thân",
        });

        var receipt = await citizen.GetPageAsync($"/ho-so/{code}");
        Assert.Contains("12/2025/NQ-HĐND", receipt);
        Assert.Contains("10.000 ₫", receipt);
        Assert.Contains("fee-zero\">0 ₫", receipt);
        var dossier = await factory.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(code)));
        Assert.Equal(FilingChannel.Online, dossier.Fee.Channel);
        Assert.Equal(0, dossier.Fee.TotalVnd);
        Assert.Equal(10_000, dossier.Fee.WaivedVnd);
        Assert.Equal("Nguyễn Văn An", dossier.Applicant.FullName);
        Assert.Equal(Citizen, dossier.Applicant.CitizenId.Value);
        var item = await Eventually.GetAsync(
            () => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the worklist item");
        Assert.Equal("worklist-14758-police", item.QueueName);
    }

    [Fact]
    public async Task Bad_input_gives_messages_in_Vietnamese_next_to_the_fields_and_writes_nothing()
    {
        using var citizen = await SignedInAsync(Citizen);
        var before = await CountsAsync();

        var response = await citizen.PostFormAsync($"/nop-ho-so/{BirthRegistration}", $"/nop-ho-so/{BirthRegistration}", new()
        {
            ["CommuneCode"] = PortalAppFactory.HamRong,
            ["ClientRequestId"] = Guid.NewGuid().ToString(),
            ["Fields[childFullName]"] = new string('A', 101),
            ["Fields[childDateOfBirth]"] = "31/02/2026",
            ["Fields[childSex]"] = "Không rõ",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Họ và tên trẻ: tối đa 100 ký tự.", page);
        Assert.Contains("Ngày sinh: ngày không hợp lệ (dd/MM/yyyy).", page);
        Assert.Contains("Giới tính: lựa chọn không hợp lệ.", page);
        Assert.Contains("Nơi sinh: không được để trống.", page);
        Assert.Contains("Vui lòng đồng ý cho phép xử lý dữ liệu cá nhân", page);
        Assert.Contains("id=\"field-childFullName-error\" class=\"invalid-feedback\">Họ và tên trẻ: tối đa 100 ký tự.", page);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_same_errors_read_in_English_when_the_citizen_chooses_English()
    {
        using var citizen = await SignedInAsync(Citizen);
        var url = $"/nop-ho-so/{BirthRegistration}?culture=en-US&ui-culture=en-US";

        var response = await citizen.PostFormAsync(url, url, new() { ["CommuneCode"] = "99999", ["ClientRequestId"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Child&#x27;s full name: required.", page);
        Assert.Contains("The chosen commune or ward is not in the list.", page);
    }

    [Fact]
    public async Task A_residence_procedure_filed_away_from_the_commune_of_residence_is_refused()
    {
        using var citizen = await SignedInAsync(Citizen);
        var before = await CountsAsync();

        var response = await citizen.PostFormAsync($"/nop-ho-so/{PermanentResidence}", $"/nop-ho-so/{PermanentResidence}", new()
        {
            ["CommuneCode"] = PortalAppFactory.HacThanh,
            ["ClientRequestId"] = Guid.NewGuid().ToString(),
            ["Consent"] = "true",
            ["Fields[residenceAddress]"] = "Số 1",
            ["Fields[relationshipToHead]"] = "Con",
            ["Fields[housingBasis]"] = "Nhà thuộc sở hữu",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Thủ tục này do xã, phường nơi cư trú của bạn giải quyết.", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Posting_the_same_form_twice_files_one_dossier()
    {
        using var citizen = await SignedInAsync(Citizen);
        var form = await citizen.GetPageAsync($"/nop-ho-so/{BirthRegistration}");
        var fields = BirthFields();
        fields["CommuneCode"] = PortalAppFactory.HamRong;
        fields["Consent"] = "true";
        fields["ClientRequestId"] = PortalClient.HiddenValue(form, "ClientRequestId");
        fields["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(form);

        var first = await citizen.Http.PostAsync($"/nop-ho-so/{BirthRegistration}", new FormUrlEncodedContent(fields));
        var second = await citizen.Http.PostAsync($"/nop-ho-so/{BirthRegistration}", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var requestId = Guid.Parse(fields["ClientRequestId"]);
        Assert.Equal(1, await factory.QueryAsync(db => db.Dossiers.CountAsync(d => d.ClientRequestId == requestId)));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_writes_nothing()
    {
        using var citizen = await SignedInAsync(Citizen);
        var before = await CountsAsync();
        var fields = BirthFields();
        fields["CommuneCode"] = PortalAppFactory.HamRong;
        fields["Consent"] = "true";
        fields["ClientRequestId"] = Guid.NewGuid().ToString();

        var response = await citizen.Http.PostAsync($"/nop-ho-so/{BirthRegistration}", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Dossier_codes_count_up_per_commune_and_day()
    {
        using var citizen = await SignedInAsync(OtherCitizen);

        var first = DossierCode.Parse(await FileAsync(citizen, BirthRegistration, PortalAppFactory.HamRong, BirthFields()));
        var second = DossierCode.Parse(await FileAsync(citizen, BirthRegistration, PortalAppFactory.HamRong, BirthFields()));

        Assert.Equal(PortalAppFactory.HamRong, first.Commune.Value);
        Assert.Equal(first.Value[..12], second.Value[..12]);
        Assert.True(long.Parse(second.Value[13..]) > long.Parse(first.Value[13..]));
    }

    [Fact]
    public async Task A_citizen_cannot_see_another_citizens_dossier()
    {
        using var owner = await SignedInAsync(Citizen);
        var code = await FileAsync(owner, BirthRegistration, PortalAppFactory.HamRong, BirthFields());
        using var stranger = await SignedInAsync(OtherCitizen);

        var response = await stranger.Http.GetAsync($"/ho-so/{code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(code, await (await stranger.Http.GetAsync("/ho-so-cua-toi")).Content.ReadAsStringAsync());
        Assert.Contains(code, await owner.GetPageAsync("/ho-so-cua-toi"));
    }

    private static Dictionary<string, string> BirthFields() => new()
    {
        ["Fields[childFullName]"] = "Nguyễn Văn Bé",
        ["Fields[childDateOfBirth]"] = "2026-11-20",
        ["Fields[childSex]"] = "Nam",
        ["Fields[placeOfBirth]"] = "Bệnh viện Đa khoa tỉnh Thanh Hóa",
        ["Fields[motherFullName]"] = "Trần Thị Cúc",
    };

    private async Task<PortalClient> SignedInAsync(string userName)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(userName);
        return client;
    }

    private static async Task<string> FileAsync(PortalClient citizen, string procedure, string commune, Dictionary<string, string> fields)
    {
        var form = await citizen.GetPageAsync($"/nop-ho-so/{procedure}");
        var post = new Dictionary<string, string>(fields)
        {
            ["CommuneCode"] = commune,
            ["Consent"] = "true",
            ["ClientRequestId"] = PortalClient.HiddenValue(form, "ClientRequestId"),
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(form),
        };
        var response = await citizen.Http.PostAsync($"/nop-ho-so/{procedure}", new FormUrlEncodedContent(post));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var code = response.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.True(DossierCode.IsValid(code), code);
        return code;
    }

    private Task<(int Dossiers, int Outbox, int Transitions, int Sequences)> CountsAsync() =>
        factory.QueryAsync(async db => (
            await db.Dossiers.CountAsync(),
            await db.OutboxMessages.CountAsync(),
            await db.DossierTransitions.CountAsync(),
            await db.Set<Portal.Infrastructure.Persistence.DossierCodeSequence>().SumAsync(s => (int?)s.Next) ?? 0));
}
