using System.Net;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Hosting;

public sealed class AccessTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/nop-ho-so/1.001193")]
    [InlineData("/ho-so-cua-toi")]
    [InlineData("/ho-so/14758-261126-0001")]
    [InlineData("/can-bo/hang-doi")]
    public async Task Pages_that_need_a_user_send_anonymous_visitors_to_sign_in(string url)
    {
        using var client = factory.CreatePortalClient();

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_citizen_cannot_open_the_officers_queue()
    {
        using var citizen = factory.CreatePortalClient();
        await citizen.SignInAsync("038090000001");

        var response = await citizen.Http.GetAsync("/can-bo/hang-doi");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/khong-co-quyen", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_officer_cannot_open_another_communes_queue()
    {
        using var officer = factory.CreatePortalClient();
        await officer.SignInAsync("police.14758");

        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync("/can-bo/hang-doi?queue=worklist-14758-police")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync("/can-bo/hang-doi?queue=worklist-14797-police")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync("/can-bo/hang-doi?queue=worklist-14758-committee")).StatusCode);
    }

    [Fact]
    public async Task An_officer_cannot_file_as_a_citizen()
    {
        using var officer = factory.CreatePortalClient();
        await officer.SignInAsync("committee.14758");

        var response = await officer.Http.GetAsync("/nop-ho-so/1.001193");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/khong-co-quyen", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_in_Vietnamese()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.PostFormAsync("/dang-nhap", "/dang-nhap", new() { ["UserName"] = "police.14758", ["Password"] = "sai-mat-khau" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_in_never_redirects_to_another_site()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.PostFormAsync("/dang-nhap", "/dang-nhap", new()
        {
            ["UserName"] = "038090000001", ["Password"] = "Portal@2025", ["ReturnUrl"] = "https://evil.example/",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
