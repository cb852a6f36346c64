using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.People;
using Portal.Infrastructure.Identity;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Identity;

/// <summary>
/// Two portals on Kestrel: one plays the national e-ID (an OpenID Connect provider with its own
/// citizens), the other signs citizens in through it, as it would through VNeID.
/// </summary>
public sealed class FederationFixture : IDisposable
{
    public FederationFixture()
    {
        Provider = new ProviderFactory();
        _ = Provider.Address;
        Portal = new RelyingPortalFactory(Provider.Address);
    }

    public KestrelPortalFactory Provider { get; }

    public KestrelPortalFactory Portal { get; }

    public void Dispose()
    {
        Portal.Dispose();
        Provider.Dispose();
    }

    private sealed class ProviderFactory : KestrelPortalFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Oidc:Clients:2:ClientId", "portal-federation");
            builder.UseSetting("Oidc:Clients:2:DisplayName", "Cổng dịch vụ công (liên kết)");
            builder.UseSetting("Oidc:Clients:2:RedirectUris:0", "http://127.0.0.1/signin-vneid");
            builder.UseSetting("Oidc:Clients:2:GrantTypes:0", "authorization_code");
            builder.UseSetting("Oidc:Clients:2:Scopes:0", "openid");
            builder.UseSetting("Oidc:Clients:2:Scopes:1", "profile");
        }
    }

    private sealed class RelyingPortalFactory(Uri provider) : KestrelPortalFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Authentication:External:vneid:DisplayName", "VNeID (thử nghiệm)");
            builder.UseSetting("Authentication:External:vneid:Authority", provider.ToString());
            builder.UseSetting("Authentication:External:vneid:ClientId", "portal-federation");
            builder.UseSetting("Authentication:External:vneid:RequireHttpsMetadata", "false");
            builder.UseSetting("Authentication:External:vneid:CitizenIdClaim", "preferred_username");
        }
    }
}

public sealed class ExternalLoginTests(FederationFixture federation) : IClassFixture<FederationFixture>
{
    [Fact]
    public async Task A_citizen_known_to_both_links_the_accounts_once_with_the_portal_password_then_signs_in_through_the_provider()
    {
        using var portal = federation.Portal.CreateBrowser();
        using var provider = federation.Provider.CreateBrowser();
        Assert.Contains("Đăng nhập bằng VNeID (thử nghiệm)", await (await portal.GetAsync("/dang-nhap")).Content.ReadAsStringAsync());

        var link = await SignInThroughProviderAsync(portal, provider, "038090000001");
        var linkPage = await link.Content.ReadAsStringAsync();
        Assert.Contains("/dang-nhap/ngoai/lien-ket", linkPage);
        var wrong = await portal.Http.PostAsync("/dang-nhap/ngoai/lien-ket", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = "not-the-password", ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(linkPage),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Http.GetAsync("/ho-so-cua-toi")).StatusCode);
        var linked = await portal.Http.PostAsync("/dang-nhap/ngoai/lien-ket", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = "Portal@2025", ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(await wrong.Content.ReadAsStringAsync()),
        }));
        var landing = await portal.FollowAsync(linked);

        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Equal("/", landing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await portal.Http.GetAsync("/ho-so-cua-toi")).StatusCode);
        await using var scope = federation.Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var logins = await users.GetLoginsAsync((await users.FindByNameAsync("038090000001"))!);
        Assert.Contains(logins, l => l.LoginProvider == "vneid");

        using var again = federation.Portal.CreateBrowser();
        using var providerAgain = federation.Provider.CreateBrowser();
        var direct = await SignInThroughProviderAsync(again, providerAgain, "038090000001");
        Assert.Equal("/", direct.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/ho-so-cua-toi")).StatusCode);
    }

    [Fact]
    public async Task A_citizen_new_to_the_portal_completes_a_short_registration_with_the_ID_the_provider_vouched_for()
    {
        await using (var scope = federation.Provider.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var created = await users.CreateAsync(new PortalUser { UserName = "038301000017", FullName = "Trần Thị Mới", CitizenId = "038301000017" }, "Moi@20252025");
            Assert.True(created.Succeeded);
        }

        using var portal = federation.Portal.CreateBrowser();
        using var provider = federation.Provider.CreateBrowser();
        var form = await SignInThroughProviderAsync(portal, provider, "038301000017", "Moi@20252025");
        var page = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("value=\"038301000017\"", page);
        Assert.Contains("Trần Thị Mới", page);

        var registered = await portal.Http.PostAsync("/dang-nhap/ngoai/dang-ky", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CitizenId"] = "999999999999", ["FullName"] = "Trần Thị Mới", ["DateOfBirth"] = "2001-02-03", ["Sex"] = "Female",
            ["PhoneNumber"] = "0987000111", ["ResidenceCommuneCode"] = "14797", ["ResidenceAddress"] = "Số 9 phố Lê Lợi", ["Consent"] = "true",
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        await using var check = federation.Portal.Services.CreateAsyncScope();
        var portalUsers = check.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await portalUsers.FindByNameAsync("038301000017");
        Assert.NotNull(user);
        Assert.Equal(Sex.Female, user.Sex);
        Assert.NotNull(user.ConsentedAt);
        Assert.Null(await portalUsers.FindByNameAsync("999999999999"));
        Assert.Contains(await portalUsers.GetLoginsAsync(user), l => l.LoginProvider == "vneid");
    }

    /// <summary>Portal → provider's authorize → provider's sign-in form → back to the portal's callback, each site with its own cookie jar.</summary>
    private static async Task<HttpResponseMessage> SignInThroughProviderAsync(BrowserClient portal, BrowserClient provider, string userName, string password = "Portal@2025")
    {
        var challenge = await portal.PostFormAsync("/dang-nhap/ngoai/vneid", new() { ["returnUrl"] = "/" });
        var authorize = challenge.Headers.Location!;
        Assert.Equal(provider.BaseAddress.Authority, authorize.Authority);

        var toLogin = await provider.Http.GetAsync(authorize.PathAndQuery);
        Assert.StartsWith("/dang-nhap", toLogin.Headers.Location!.PathAndQuery);
        var back = await provider.SignInAsync(userName, password, authorize.PathAndQuery);
        var callback = (await provider.FollowAsync(await provider.Http.GetAsync(back))).Headers.Location!;
        Assert.Equal(portal.BaseAddress.Authority, callback.Authority);
        Assert.Equal("/signin-vneid", callback.AbsolutePath);

        return await portal.FollowAsync(await portal.Http.GetAsync(callback.PathAndQuery));
    }
}
