using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Identity;
using Portal.IntegrationTests.Support;
using Portal.Web.Features.Staff;

namespace Portal.IntegrationTests.Identity;

/// <summary>The portal as outside the embedded default: staff must use two-factor sign-in.</summary>
public sealed class StaffTwoFactorFactory : KestrelPortalFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Accounts:RequireStaffTwoFactor", "true");
}

public sealed partial class AccountTests(StaffTwoFactorFactory factory) : IClassFixture<StaffTwoFactorFactory>
{
    [Fact]
    public async Task A_citizen_registers_with_a_consistent_ID_and_their_consent_is_recorded()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.PostFormAsync("/dang-ky", Registration("038301000009", "2001-04-30", "Female"), "/dang-ky");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "038301000009"));
        Assert.Equal("2025-07-01", user.ConsentVersion);
        Assert.NotNull(user.ConsentedAt);
        Assert.Equal("0912000111", user.PhoneNumber);
        Assert.Contains("Nguyễn Thị Hoa", await (await browser.GetAsync("/nop-ho-so/1.001193")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("999301000009", "2001-04-30", "Female", "Ba chữ số đầu của số định danh không phải mã tỉnh, thành phố.")]
    [InlineData("038301000009", "1991-04-30", "Female", "Chữ số thứ tư của số định danh không khớp với thế kỷ của năm sinh.")]
    [InlineData("038301000009", "2001-04-30", "Male", "Chữ số thứ tư của số định danh không khớp với giới tính.")]
    [InlineData("038301000009", "2002-04-30", "Female", "Chữ số thứ năm và sáu của số định danh không khớp với năm sinh.")]
    [InlineData("03830100000", "2001-04-30", "Female", "Số định danh cá nhân gồm 12 chữ số.")]
    public async Task A_citizen_ID_that_contradicts_the_date_of_birth_or_sex_is_refused(string id, string born, string sex, string message)
    {
        using var browser = factory.CreateBrowser();
        var before = await factory.QueryAsync(db => db.Users.CountAsync());

        var response = await browser.PostFormAsync("/dang-ky", Registration(id, born, sex), "/dang-ky");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await factory.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Registration_without_consent_a_weak_password_or_an_existing_ID_is_refused_in_Vietnamese()
    {
        using var browser = factory.CreateBrowser();
        var fields = Registration("038090000001", "1990-05-19", "Male");
        fields.Remove("Consent");
        fields["Password"] = fields["ConfirmPassword"] = "short";

        var response = await browser.PostFormAsync("/dang-ky", fields, "/dang-ky");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vui lòng đồng ý với thông báo xử lý dữ liệu cá nhân.", page);
        fields["Consent"] = "true";
        var second = await (await browser.PostFormAsync("/dang-ky", fields, "/dang-ky")).Content.ReadAsStringAsync();
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", second);
        fields["Password"] = fields["ConfirmPassword"] = "Khac@20252025";
        Assert.Contains("Số định danh hoặc tên đăng nhập này đã có tài khoản.", await (await browser.PostFormAsync("/dang-ky", fields, "/dang-ky")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_must_set_up_an_authenticator_and_then_sign_in_with_its_code()
    {
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync("committee.14797");

        var blocked = await browser.Http.GetAsync("/can-bo/hang-doi");
        Assert.Equal("/tai-khoan/xac-thuc-hai-buoc", blocked.Headers.Location?.OriginalString);
        var setup = await (await browser.GetAsync("/tai-khoan/xac-thuc-hai-buoc")).Content.ReadAsStringAsync();
        var key = KeyPattern().Match(setup).Groups[1].Value;
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostFormAsync("/tai-khoan/xac-thuc-hai-buoc", new() { ["code"] = "000000" }, "/tai-khoan/xac-thuc-hai-buoc")).StatusCode);
        var enabled = await browser.PostFormAsync("/tai-khoan/xac-thuc-hai-buoc", new() { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "/tai-khoan/xac-thuc-hai-buoc");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.DoesNotContain(key, await (await browser.GetAsync("/tai-khoan/xac-thuc-hai-buoc")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/can-bo/hang-doi")).StatusCode);

        using var later = factory.CreateBrowser();
        Assert.StartsWith("/dang-nhap/xac-thuc", await later.SignInAsync("committee.14797"));
        var wrong = await later.PostFormAsync("/dang-nhap/xac-thuc", new() { ["Code"] = "123456" }, "/dang-nhap/xac-thuc");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Mã xác thực không đúng.", await wrong.Content.ReadAsStringAsync());
        var right = await later.PostFormAsync("/dang-nhap/xac-thuc", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "/dang-nhap/xac-thuc");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.Http.GetAsync("/can-bo/hang-doi")).StatusCode);
    }

    [Fact]
    public async Task Citizens_are_not_asked_for_a_second_factor()
    {
        using var browser = factory.CreateBrowser();

        Assert.Equal("/", await browser.SignInAsync("038195000002"));
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/ho-so-cua-toi")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_creates_a_staff_account_for_a_commune_and_a_non_administrator_cannot()
    {
        using var admin = factory.CreateBrowser();
        await admin.SignInAsync("admin");
        await EnableTwoFactorAsync(admin);

        var created = await admin.PostFormAsync("/quan-tri/can-bo/moi", new()
        {
            ["UserName"] = "police9.14758", ["FullName"] = "Nguyễn Văn Mới", ["Role"] = "PoliceOfficer", ["Communes"] = "14758",
        }, "/quan-tri/can-bo/moi");
        var page = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var password = OneTimePasswordPattern().Match(page).Groups[1].Value;
        Assert.NotEmpty(password);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByNameAsync("police9.14758");
            Assert.NotNull(user);
            Assert.True(user.IsStaff);
            var claims = await users.GetClaimsAsync(user);
            Assert.Contains(claims, c => c.Type == PortalClaimTypes.Commune && c.Value == "14758");
            Assert.Contains(claims, c => c.Type == PortalClaimTypes.Agency && c.Value == "police");
            Assert.True(await users.CheckPasswordAsync(user, password));

            var moved = await admin.PostFormAsync($"/quan-tri/can-bo/{user.Id}/xa-phuong", new() { ["Communes"] = "14797" }, "/quan-tri/can-bo/moi");
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
            var emptied = await admin.PostFormAsync($"/quan-tri/can-bo/{user.Id}/xa-phuong", new(), "/quan-tri/can-bo/moi");
            Assert.Equal(HttpStatusCode.BadRequest, emptied.StatusCode);
            await using var check = factory.Services.CreateAsyncScope();
            var checkUsers = check.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var communes = (await checkUsers.GetClaimsAsync((await checkUsers.FindByNameAsync("police9.14758"))!)).Where(c => c.Type == PortalClaimTypes.Commune).Select(c => c.Value);
            Assert.Equal(["14797"], communes);
        }

        using var officer = factory.CreateBrowser();
        await officer.SignInAsync("police.14758");
        await EnableTwoFactorAsync(officer);
        Assert.StartsWith("/khong-co-quyen", (await officer.Http.GetAsync("/quan-tri/can-bo")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_create_admin_command_creates_the_first_administrator_with_a_one_time_password()
    {
        using var output = new StringWriter();

        var exit = await CreateAdministratorCommand.RunAsync(factory.Services, ["create-admin", "root.admin", "Quản trị viên đầu tiên"], output);

        Assert.Equal(0, exit);
        var password = Regex.Match(output.ToString(), @"shown once\): (\S+)").Groups[1].Value;
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync("root.admin");
        Assert.NotNull(user);
        Assert.True(await users.IsInRoleAsync(user, PortalRoles.Administrator));
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.Equal(1, await CreateAdministratorCommand.RunAsync(factory.Services, ["create-admin", "root.admin"], TextWriter.Null));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_a_staff_account_for_15_minutes_even_against_the_right_password()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var officer = new PortalUser { UserName = "lockout.14758", FullName = "Cán bộ thử khóa", Email = "lockout.14758@example.invalid" };
            Assert.True((await users.CreateAsync(officer, "Portal@2025")).Succeeded);
            Assert.True((await users.AddToRoleAsync(officer, PortalRoles.PoliceOfficer)).Succeeded);
        }

        using var browser = factory.CreateBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await browser.PostFormAsync("/dang-nhap", new() { ["UserName"] = "lockout.14758", ["Password"] = $"Wrong@{attempt}x" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var right = await browser.PostFormAsync("/dang-nhap", new() { ["UserName"] = "lockout.14758", ["Password"] = "Portal@2025" });

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.", System.Net.WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
        var lockedUntil = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "lockout.14758").Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockedUntil);
        Assert.InRange(lockedUntil.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    private static async Task EnableTwoFactorAsync(BrowserClient browser)
    {
        var setup = await (await browser.GetAsync("/tai-khoan/xac-thuc-hai-buoc")).Content.ReadAsStringAsync();
        var key = KeyPattern().Match(setup).Groups[1].Value;
        var response = await browser.PostFormAsync("/tai-khoan/xac-thuc-hai-buoc", new() { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "/tai-khoan/xac-thuc-hai-buoc");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Dictionary<string, string> Registration(string id, string born, string sex) => new()
    {
        ["CitizenId"] = id, ["FullName"] = "Nguyễn Thị Hoa", ["DateOfBirth"] = born, ["Sex"] = sex, ["PhoneNumber"] = "+84912000111",
        ["ResidenceCommuneCode"] = "14758", ["ResidenceAddress"] = "Số 7 phố Hàm Rồng", ["Password"] = "Hoa@20252025",
        ["ConfirmPassword"] = "Hoa@20252025", ["Consent"] = "true",
    };

    [GeneratedRegex("data-testid=\"authenticator-key\">([A-Z2-7]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("data-testid=\"one-time-password\">([^<]+)<")]
    private static partial Regex OneTimePasswordPattern();
}
