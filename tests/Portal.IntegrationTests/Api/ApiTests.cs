using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dossiers;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Api;

public sealed class ApiTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    private const string CitizenA = "038090000001";
    private const string CitizenB = "038195000002";

    [Fact]
    public async Task Communes_and_procedures_are_public_reference_data()
    {
        using var browser = factory.CreateBrowser();

        var communes = await JsonAsync(await browser.GetAsync("/api/v1/communes"));
        Assert.Equal(166, communes.GetArrayLength());
        Assert.Equal(19, communes.EnumerateArray().Count(c => c.GetProperty("kind").GetString() == "ward"));
        var procedures = await JsonAsync(await browser.GetAsync("/api/v1/procedures"));
        Assert.Equal(16, procedures.GetArrayLength());
        var birth = await JsonAsync(await browser.GetAsync("/api/v1/procedures/1.001193"));
        Assert.Equal("committee", birth.GetProperty("agency").GetString());
        Assert.True(birth.GetProperty("formFields").GetArrayLength() > 0);
        var missing = await browser.GetAsync("/api/v1/procedures/9.999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_fee_assessment_is_zero_online_with_its_basis_and_the_schedule_at_the_counter()
    {
        using var browser = factory.CreateBrowser();

        var online = await JsonAsync(await browser.Http.PostAsync("/api/v1/fees/assessments", OidcClient.JsonContent(new { procedureCode = "1.004222", channel = "online" })));
        var direct = await JsonAsync(await browser.Http.PostAsync("/api/v1/fees/assessments", OidcClient.JsonContent(new { procedureCode = "1.004222", channel = "direct" })));
        var before = await JsonAsync(await browser.Http.PostAsync("/api/v1/fees/assessments", OidcClient.JsonContent(new { procedureCode = "1.004222", channel = "online", date = "2025-06-23" })));

        Assert.Equal(0, online.GetProperty("totalVnd").GetInt64());
        Assert.Equal("12/2025/NQ-HĐND", online.GetProperty("lines")[0].GetProperty("rule").GetProperty("legalBasis").GetString());
        Assert.Equal(20_000, direct.GetProperty("totalVnd").GetInt64());
        Assert.Equal(10_000, before.GetProperty("totalVnd").GetInt64());
    }

    [Fact]
    public async Task The_explanation_names_the_exemption_and_its_article_in_Vietnamese_and_in_English_and_postal_pays_the_counters_schedule()
    {
        using var browser = factory.CreateBrowser();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var birth = await JsonAsync(await browser.Http.PostAsync("/api/v1/fees/assessments", OidcClient.JsonContent(new
        {
            procedureCode = "1.001193", channel = "direct", fields = new Dictionary<string, string> { ["childDateOfBirth"] = $"{today.AddDays(-3):yyyy-MM-dd}" },
        })));
        var postal = await JsonAsync(await browser.Http.PostAsync("/api/v1/fees/assessments", OidcClient.JsonContent(new { procedureCode = "1.004222", channel = "postal" })));

        Assert.Equal(0, birth.GetProperty("totalVnd").GetInt64());
        Assert.Equal("Điều 11, khoản 1, điểm b", birth.GetProperty("appliedRules")[0].GetProperty("article").GetString());
        Assert.Contains("vì được miễn: Miễn lệ phí đăng ký khai sinh, khai tử đúng hạn theo Điều 11, khoản 1, điểm b 60/2014/QH13", birth.GetProperty("explanationVi").GetString());
        var english = birth.GetProperty("explanationEn").GetString()!;
        Assert.Contains("because it is waived: Law on Civil Status 2014, Article 11: civil-status fee exemptions under Article 11, clause 1, point b of 60/2014/QH13", english);
        Assert.DoesNotContain("Miễn", english, StringComparison.Ordinal);
        Assert.Equal("postal", postal.GetProperty("channel").GetString());
        Assert.Equal(20_000, postal.GetProperty("totalVnd").GetInt64());
    }

    [Theory]
    [InlineData("{\"procedureCode\":\"1.004222\",\"channel\":\"carrier-pigeon\"}", "Kênh nộp phải là online, direct hoặc postal.")]
    [InlineData("{\"procedureCode\":\"nope\",\"channel\":\"online\"}", "Không có thủ tục với mã này.")]
    [InlineData("{\"procedureCode\":\"1.004222\",\"channel\":\"online\",\"applicantCategories\":[\"vip\"]}", "Nhóm đối tượng không hợp lệ: vip.")]
    [InlineData("{\"procedureCode\":\"1.004222\",\"channel\":\"online\",\"date\":\"not a date\"}", "date")]
    [InlineData("{\"procedureCode\": [1,2,3]}", "procedureCode")]
    [InlineData("{not json", "")]
    public async Task Bad_fee_requests_get_problem_details_not_errors(string body, string expected)
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.Http.PostAsync("/api/v1/fees/assessments", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_citizen_files_through_the_API_once_per_idempotency_key_and_follows_the_dossier()
    {
        using var browser = factory.CreateBrowser();
        var token = (await OidcClient.CodeFlowAsync(browser, CitizenA)).AccessToken;
        var key = Guid.NewGuid();
        var body = new { procedureCode = "1.001193", communeCode = "14797", idempotencyKey = key, fields = BirthFields() };

        var created = await OidcClient.PostJsonWithTokenAsync(browser.Http, "/api/v1/dossiers", token, body);
        var again = await OidcClient.PostJsonWithTokenAsync(browser.Http, "/api/v1/dossiers", token, body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dossier = await JsonAsync(created);
        var code = dossier.GetProperty("code").GetString()!;
        Assert.Equal(code, (await JsonAsync(again)).GetProperty("code").GetString());
        Assert.StartsWith("14797-", code);
        Assert.Equal("new", dossier.GetProperty("status").GetString());
        Assert.Equal(0, dossier.GetProperty("fee").GetProperty("totalVnd").GetInt64());
        Assert.EndsWith($"/api/v1/dossiers/{code}", created.Headers.Location!.ToString());
        var mine = await JsonAsync(await OidcClient.GetWithTokenAsync(browser.Http, "/api/v1/dossiers", token));
        Assert.Contains(mine.EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        var one = await JsonAsync(await OidcClient.GetWithTokenAsync(browser.Http, $"/api/v1/dossiers/{code}", token));
        Assert.Equal("new", one.GetProperty("timeline")[0].GetProperty("status").GetString());
        Assert.Equal(one.GetProperty("dueAt").GetDateTimeOffset(), one.GetProperty("appointmentAt").GetDateTimeOffset());

        // The office works it: the citizen's timeline shows reception, not who took it or what was proposed.
        await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "the dossier in its worklist");
        using var officer = factory.CreateBrowser();
        await officer.SignInAsync("committee.14797");
        foreach (var step in new[] { "receive", "start", "propose" }) // reception also assigns it to an officer
        {
            Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/can-bo/ho-so/{code}/{step}", [], $"/can-bo/ho-so/{code}")).StatusCode);
        }

        var worked = await JsonAsync(await OidcClient.GetWithTokenAsync(browser.Http, $"/api/v1/dossiers/{code}", token));
        var timeline = worked.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["new", "received", "in-process"], timeline.Select(t => t.GetProperty("status").GetString()));
        Assert.All(timeline, t => Assert.True(t.GetProperty("reason").ValueKind == JsonValueKind.Null));
        Assert.DoesNotContain("committee.", worked.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("committee2.", worked.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_dossier_input_gets_field_messages_in_Vietnamese_and_writes_nothing()
    {
        using var browser = factory.CreateBrowser();
        var token = (await OidcClient.CodeFlowAsync(browser, CitizenA)).AccessToken;
        var before = await factory.QueryAsync(db => db.Dossiers.CountAsync());

        var response = await OidcClient.PostJsonWithTokenAsync(browser.Http, "/api/v1/dossiers", token,
            new { procedureCode = "1.001193", communeCode = "14797", fields = new Dictionary<string, string> { ["childFullName"] = new string('x', 500) } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.Contains("Họ và tên trẻ: tối đa 100 ký tự.", errors.GetProperty("Fields[childFullName]")[0].GetString());
        Assert.Contains("Ngày sinh: không được để trống.", errors.GetProperty("Fields[childDateOfBirth]")[0].GetString());
        Assert.Equal(before, await factory.QueryAsync(db => db.Dossiers.CountAsync()));
    }

    [Theory]
    [InlineData("?from=2026-03-02&to=2026-03-01")]
    [InlineData("?from=2023-01-01&to=2026-01-01")]
    [InlineData("?from=hôm-qua")]
    public async Task A_bad_statistics_period_gets_a_message_in_Vietnamese(string query)
    {
        using var browser = factory.CreateBrowser();
        var token = (await OidcClient.ClientCredentialsAsync(browser.Http)).AccessToken;

        var response = await OidcClient.GetWithTokenAsync(browser.Http, $"/api/v1/stats/communes{query}", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from", (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_withdrawal_reason_over_1000_characters_is_refused_with_a_message_and_changes_nothing()
    {
        using var browser = factory.CreateBrowser();
        var token = (await OidcClient.CodeFlowAsync(browser, CitizenA)).AccessToken;
        var code = (await JsonAsync(await OidcClient.PostJsonWithTokenAsync(browser.Http, "/api/v1/dossiers", token,
            new { procedureCode = "1.001193", communeCode = "14758", fields = BirthFields() }))).GetProperty("code").GetString()!;

        var response = await OidcClient.PostJsonWithTokenAsync(browser.Http, $"/api/v1/dossiers/{code}/withdraw", token, new { reason = new string('x', 1001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Lý do tối đa 1000 ký tự.", (await JsonAsync(response)).GetProperty("errors").GetProperty("Reason")[0].GetString());
        Assert.Equal(DossierStatus.New, (await factory.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(code)))).Status);
    }

    [Fact]
    public async Task A_citizen_withdraws_their_own_dossier_but_cannot_touch_or_see_another_citizens()
    {
        using var a = factory.CreateBrowser();
        using var b = factory.CreateBrowser();
        var tokenA = (await OidcClient.CodeFlowAsync(a, CitizenA)).AccessToken;
        var tokenB = (await OidcClient.CodeFlowAsync(b, CitizenB)).AccessToken;
        var codeB = (await JsonAsync(await OidcClient.PostJsonWithTokenAsync(b.Http, "/api/v1/dossiers", tokenB,
            new { procedureCode = "1.001193", communeCode = "14797", fields = BirthFields() }))).GetProperty("code").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await OidcClient.GetWithTokenAsync(a.Http, $"/api/v1/dossiers/{codeB}", tokenA)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OidcClient.PostJsonWithTokenAsync(a.Http, $"/api/v1/dossiers/{codeB}/withdraw", tokenA, new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/lookup?code={codeB}&idNumber={CitizenA}")).StatusCode);
        Assert.Equal(DossierStatus.New, (await factory.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(codeB)))).Status);

        var withdrawn = await OidcClient.PostJsonWithTokenAsync(b.Http, $"/api/v1/dossiers/{codeB}/withdraw", tokenB, new { reason = "Nộp nhầm" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", (await JsonAsync(withdrawn)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await OidcClient.PostJsonWithTokenAsync(b.Http, $"/api/v1/dossiers/{codeB}/withdraw", tokenB, null)).StatusCode);
        await Eventually.GetAsync(
            async () => await factory.QueryAsync(db => db.WorklistItems.AnyAsync(w => w.DossierCode == codeB)) ? null : (object)true,
            "the withdrawn dossier to be out of the worklist");
    }

    [Fact]
    public async Task The_public_look_up_needs_the_code_and_the_applicants_ID_and_reveals_no_personal_data()
    {
        using var browser = factory.CreateBrowser();
        var code = (await DossierFiler.FileAsync(factory.Services, "1.001193", "14758")).Value;

        var found = await browser.GetAsync($"/api/v1/lookup?code={code}&idNumber={CitizenA}");
        var body = await found.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("\"status\":\"new\"", body);
        Assert.DoesNotContain("Nguyễn Văn An", body);
        Assert.DoesNotContain(CitizenA, body);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/api/v1/lookup?code={code}&idNumber={CitizenB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/api/v1/lookup?code=%27%20OR%201%3D1&idNumber=x")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_v1_routes()
    {
        using var browser = factory.CreateBrowser();

        var document = await JsonAsync(await browser.GetAsync("/api/v1/openapi.json"));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/dossiers", paths);
        Assert.Contains("/api/v1/stats/communes", paths);
        Assert.Contains("/api/v1/lookup", paths);
    }

    private static Dictionary<string, string> BirthFields() => BirthRegistration.Fields();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
