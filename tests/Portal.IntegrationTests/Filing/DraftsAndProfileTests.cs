using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Identity;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Filing;

public sealed class DraftsAndProfileTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task A_draft_is_saved_resumed_with_what_was_typed_and_gone_once_filed()
    {
        using var citizen = factory.CreatePortalClient();
        await citizen.SignInAsync("038195000002");
        var form = await citizen.GetPageAsync("/nop-ho-so/1.004194");

        var saved = await citizen.Http.PostAsync("/nop-ho-so/1.004194", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(form), ["ClientRequestId"] = PortalClient.HiddenValue(form, "ClientRequestId"),
            ["CommuneCode"] = "14797", ["Fields[temporaryAddress]"] = "Số 99 đường Nháp", ["action"] = "draft",
        }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draft = await factory.QueryAsync(db => db.DossierDrafts.SingleAsync(d => d.ProcedureCode == "1.004194"));
        var mine = await citizen.GetPageAsync("/ho-so-cua-toi");
        Assert.Contains($"/nop-ho-so/1.004194?ban-nhap={draft.Id}", mine);
        var resumed = await citizen.GetPageAsync($"/nop-ho-so/1.004194?ban-nhap={draft.Id}");
        Assert.Contains("value=\"Số 99 đường Nháp\"", resumed);
        Assert.Contains($"name=\"DraftId\" value=\"{draft.Id}\"", resumed);

        var filed = await citizen.Http.PostAsync("/nop-ho-so/1.004194", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(resumed), ["ClientRequestId"] = PortalClient.HiddenValue(resumed, "ClientRequestId"),
            ["DraftId"] = draft.Id.ToString(), ["CommuneCode"] = "14797", ["Consent"] = "true", ["Fields[temporaryAddress]"] = "Số 99 đường Nháp",
            ["Fields[fromDate]"] = "2026-12-01", ["Fields[toDate]"] = "2027-06-01",
        }));

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.DossierDrafts.AnyAsync(d => d.Id == draft.Id)));
        using var stranger = factory.CreatePortalClient();
        await stranger.SignInAsync("038090000001");
        Assert.DoesNotContain("Số 99 đường Nháp", await stranger.GetPageAsync($"/nop-ho-so/1.004194?ban-nhap={draft.Id}"));
    }

    [Fact]
    public async Task A_changed_profile_field_updates_the_profile_only_when_the_citizen_asks()
    {
        using var citizen = factory.CreatePortalClient();
        await citizen.SignInAsync("038090000001");

        await FilePermanentResidenceAsync(citizen, "Số 1 đường Không Lưu", updateProfile: false);
        Assert.Equal("Số 12 đường Nguyễn Trãi, phường Hàm Rồng", await AddressAsync());

        await FilePermanentResidenceAsync(citizen, "Số 2 đường Có Lưu", updateProfile: true);
        Assert.Equal("Số 2 đường Có Lưu", await AddressAsync());
        Assert.Contains("value=\"Số 2 đường Có Lưu\"", await citizen.GetPageAsync("/nop-ho-so/1.004222"));
    }

    [Fact]
    public async Task The_public_look_up_page_finds_a_dossier_by_code_and_ID_and_shows_no_name()
    {
        var code = (await DossierFiler.FileAsync(factory.Services, "1.001193", "14758")).Value;
        using var anonymous = factory.CreatePortalClient();

        var found = await anonymous.GetPageAsync($"/tra-cuu?ma={code}&so-dinh-danh=038090000001");
        var missed = await anonymous.GetPageAsync($"/tra-cuu?ma={code}&so-dinh-danh=038195000002");

        Assert.Contains("data-testid=\"lookup-result\"", found);
        Assert.DoesNotContain("Nguyễn Văn An", found);
        Assert.Contains("Không tìm thấy hồ sơ với thông tin đã nhập.", missed);
    }

    private async Task<string?> AddressAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("038090000001"))!.ResidenceAddress;
    }

    private static async Task FilePermanentResidenceAsync(PortalClient citizen, string address, bool updateProfile)
    {
        var form = await citizen.GetPageAsync("/nop-ho-so/1.004222");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(form), ["ClientRequestId"] = PortalClient.HiddenValue(form, "ClientRequestId"),
            ["CommuneCode"] = "14758", ["Consent"] = "true", ["Fields[residenceAddress]"] = address, ["Fields[relationshipToHead]"] = "Chủ hộ",
            ["Fields[housingBasis]"] = "Nhà thuộc sở hữu",
        };
        if (updateProfile)
        {
            fields["UpdateProfile"] = "true";
        }

        var response = await citizen.Http.PostAsync("/nop-ho-so/1.004222", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
