using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Portal.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Portal.IntegrationTests.Hostile;

public sealed class HostileInputFactory : KestrelPortalFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("RateLimits:LookupPerMinute", "100000");
}

/// <summary>
/// The hostile-input corpus (<see cref="HostileCorpus"/>) in every field of the public fee assessment, the
/// citizens' filing API, the look-ups, registration and the filing form, plus raw bodies: no answer is a
/// 5xx, every refusal is a 4xx with a message, a refusal writes nothing, and the portal stays up.
/// </summary>
public sealed class HostileInputTests(HostileInputFactory factory, ITestOutputHelper output) : IClassFixture<HostileInputFactory>
{
    private const string Citizen = "038090000001";

    [Fact]
    public async Task The_corpus_in_every_field_of_the_apis_and_forms_gets_4xx_with_a_message_never_a_5xx_and_refusals_write_nothing()
    {
        var run = new Run(factory);
        using var anonymous = factory.CreateBrowser();
        using var citizen = factory.CreateBrowser();
        var token = (await OidcClient.CodeFlowAsync(citizen, Citizen)).AccessToken;
        await citizen.SignInAsync(Citizen);
        var statsToken = (await OidcClient.ClientCredentialsAsync(anonymous.Http)).AccessToken;
        var own = await OidcClient.PostJsonWithTokenAsync(citizen.Http, "/api/v1/dossiers", token, Filing());
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        using var ownDossier = JsonDocument.Parse(await own.Content.ReadAsStringAsync());
        var ownCode = ownDossier.RootElement.GetProperty("code").GetString();

        foreach (var (category, value) in HostileCorpus.Values)
        {
            // The public fee assessment: each field of the body.
            foreach (var (field, body) in new (string, object)[]
            {
                ("procedureCode", new { procedureCode = value, channel = "direct" }),
                ("channel", new { procedureCode = "1.004222", channel = value }),
                ("date", new { procedureCode = "1.004222", channel = "direct", date = value }),
                ("applicantCategories", new { procedureCode = "1.001193", channel = "direct", applicantCategories = new[] { value } }),
                ("fields.pageCount", new { procedureCode = "1.004222", channel = "direct", fields = new Dictionary<string, string> { ["pageCount"] = value } }),
            })
            {
                await run.CaseAsync($"POST /api/v1/fees/assessments {field} = {category}", () => anonymous.Http.PostAsync("/api/v1/fees/assessments", OidcClient.JsonContent(body)));
            }

            // The citizens' filing API: each field of the body.
            foreach (var (field, body) in new (string, object)[]
            {
                ("procedureCode", Filing(procedure: value)),
                ("communeCode", Filing(commune: value)),
                ("fields.childFullName", Filing(fields: Birth("childFullName", value))),
                ("fields.childDateOfBirth", Filing(fields: Birth("childDateOfBirth", value))),
                ("fields.motherFullName", Filing(fields: Birth("motherFullName", value))),
            })
            {
                await run.CaseAsync($"POST /api/v1/dossiers {field} = {category}", () => OidcClient.PostJsonWithTokenAsync(citizen.Http, "/api/v1/dossiers", token, body));
            }

            // Look-ups and reference data by a hostile key.
            var escaped = InUrl(value);
            await run.CaseAsync($"GET /api/v1/lookup = {category}", () => anonymous.Http.GetAsync($"/api/v1/lookup?code={escaped}&idNumber={escaped}"));
            await run.CaseAsync($"GET /api/v1/procedures/{{code}} = {category}", () => anonymous.Http.GetAsync($"/api/v1/procedures/{escaped}"));
            await run.CaseAsync($"GET /api/v1/dossiers/{{code}} = {category}", () => OidcClient.GetWithTokenAsync(citizen.Http, $"/api/v1/dossiers/{escaped}", token));
            await run.CaseAsync($"POST /api/v1/dossiers/{{code}}/withdraw code = {category}", () => OidcClient.PostJsonWithTokenAsync(citizen.Http, $"/api/v1/dossiers/{escaped}/withdraw", token, new { reason = "Nộp nhầm" }));
            await run.CaseAsync($"POST /api/v1/dossiers/{{code}}/withdraw reason = {category}", () => OidcClient.PostJsonWithTokenAsync(citizen.Http, $"/api/v1/dossiers/{ownCode}/withdraw", token, new { reason = value }));
            await run.CaseAsync($"GET /api/v1/stats/communes from, to = {category}", () => OidcClient.GetWithTokenAsync(anonymous.Http, $"/api/v1/stats/communes?from={escaped}&to={escaped}", statsToken));
            await run.CaseAsync($"GET /tra-cuu = {category}", () => anonymous.Http.GetAsync($"/tra-cuu?ma={escaped}&so-dinh-danh={escaped}"));

            // Registration: each field of the form.
            foreach (var field in new[] { "CitizenId", "FullName", "DateOfBirth", "PhoneNumber", "Email", "ResidenceAddress", "Sex", "ResidenceCommuneCode" })
            {
                var fields = Registration();
                fields[field] = value;
                await run.CaseAsync($"POST /dang-ky {field} = {category}", () => anonymous.PostFormAsync("/dang-ky", fields, "/dang-ky"));
            }

            // The filing form, signed in: each field.
            foreach (var field in new[] { "Fields[childFullName]", "Fields[childDateOfBirth]", "Fields[placeOfBirth]", "CommuneCode" })
            {
                await run.CaseAsync($"POST /nop-ho-so {field} = {category}", async () =>
                {
                    var form = await (await citizen.Http.GetAsync("/nop-ho-so/1.001193")).Content.ReadAsStringAsync();
                    var fields = new Dictionary<string, string>(BirthRegistration.FormFields())
                    {
                        ["CommuneCode"] = PortalAppFactory.HamRong, ["Consent"] = "true",
                        ["ClientRequestId"] = PortalClient.HiddenValue(form, "ClientRequestId"), ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(form),
                    };
                    fields[field] = value;
                    return await citizen.Http.PostAsync("/nop-ho-so/1.001193", new FormUrlEncodedContent(fields));
                });
            }
        }

        // Raw bodies.
        await run.CaseAsync("POST /api/v1/fees/assessments invalid UTF-8", () => anonymous.Http.PostAsync("/api/v1/fees/assessments", Raw(HostileCorpus.InvalidUtf8, "application/json")));
        await run.CaseAsync("POST /api/v1/dossiers invalid UTF-8", () => citizen.Http.SendAsync(OidcClient.WithBearer(new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = Raw(HostileCorpus.InvalidUtf8, "application/json") }, token)));
        await run.CaseAsync("POST /api/v1/fees/assessments nested 10,000 deep", () => anonymous.Http.PostAsync("/api/v1/fees/assessments", new StringContent(HostileCorpus.DeepJson(), Encoding.UTF8, "application/json")));
        await run.CaseAsync("POST /api/v1/dossiers nested 10,000 deep", () => citizen.Http.SendAsync(OidcClient.WithBearer(new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = new StringContent("{\"fields\":" + HostileCorpus.DeepJson() + "}", Encoding.UTF8, "application/json") }, token)));
        await run.CaseAsync("POST /api/v1/fees/assessments 40 MB body", () =>
        {
            // Expect: 100-continue, as a well-behaved client sends a large body: the server can refuse before reading it.
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/fees/assessments") { Content = new StringContent("{\"procedureCode\":\"" + new string('x', 40 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json") };
            request.Headers.ExpectContinue = true;
            return anonymous.Http.SendAsync(request);
        });
        await run.CaseAsync("POST /api/v1/fees/assessments as text/plain", () => anonymous.Http.PostAsync("/api/v1/fees/assessments", new StringContent("{\"procedureCode\":\"1.004222\"}", Encoding.UTF8, "text/plain")));
        await run.CaseAsync("POST /api/v1/dossiers/{code}/withdraw reason of 1,001 characters", () => OidcClient.PostJsonWithTokenAsync(citizen.Http, $"/api/v1/dossiers/{ownCode}/withdraw", token, new { reason = new string('x', 1001) }));
        await run.CaseAsync("POST /api/v1/dossiers/{code}/withdraw invalid UTF-8", () => citizen.Http.SendAsync(OidcClient.WithBearer(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{ownCode}/withdraw") { Content = Raw(HostileCorpus.InvalidUtf8, "application/json") }, token)));
        await run.CaseAsync("POST /api/v1/dossiers/{code}/withdraw not JSON", () => citizen.Http.SendAsync(OidcClient.WithBearer(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{ownCode}/withdraw") { Content = new StringContent("reason=x", Encoding.UTF8, "application/x-www-form-urlencoded") }, token)));
        await run.CaseAsync("GET /api/v1/stats/communes from after to", () => OidcClient.GetWithTokenAsync(anonymous.Http, "/api/v1/stats/communes?from=2026-03-02&to=2026-03-01", statsToken));
        await run.CaseAsync("GET /api/v1/stats/communes over two years", () => OidcClient.GetWithTokenAsync(anonymous.Http, "/api/v1/stats/communes?from=2023-01-01&to=2026-01-01", statsToken));
        await run.CaseAsync("POST /api/v1/dossiers JSON null", () => citizen.Http.SendAsync(OidcClient.WithBearer(new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = new StringContent("null", Encoding.UTF8, "application/json") }, token)));
        await run.CaseAsync("POST /dang-ky invalid UTF-8 form", () => anonymous.Http.PostAsync("/dang-ky", Raw([.. "CitizenId="u8, 0xC0, 0xAF, .. "&FullName=x"u8], "application/x-www-form-urlencoded")));
        await run.CaseAsync("POST /nop-ho-so malformed multipart", async () =>
        {
            var form = await (await citizen.Http.GetAsync("/nop-ho-so/1.001193")).Content.ReadAsStringAsync();
            var content = new StringContent(
                $"--XYZ\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{PortalClient.AntiforgeryToken(form)}\r\n--XYZ\r\nContent-Disposition: form-data; name=\"Files\"; filename=\"../../a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 truncated",
                Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XYZ");
            return await citizen.Http.PostAsync("/nop-ho-so/1.001193", content);
        });
        foreach (var (url, signedIn) in new[] { ("/dang-ky", false), ("/dang-nhap", false), ("/nop-ho-so/1.001193", true), ("/ngon-ngu", false) })
        {
            await run.CaseAsync($"POST {url} without an antiforgery token", () => (signedIn ? citizen : anonymous).Http.PostAsync(url, new FormUrlEncodedContent(Registration())));
        }

        output.WriteLine($"{run.Cases} cases: {run.Refused} refused (4xx), {run.Accepted} accepted, {run.ServerErrors.Count} server errors, {run.PartialWrites.Count} writes on a refusal, {run.Silent.Count} refusals without a message ({run.KestrelRefusals} more refused by Kestrel itself before the portal's code: URL too long, NUL in the path)");
        foreach (var line in run.Silent)
        {
            output.WriteLine($"  silent: {line}");
        }

        foreach (var (status, count) in run.Statuses.OrderBy(s => s.Key))
        {
            output.WriteLine($"  {(int)status} {status}: {count}");
        }

        Assert.True(run.Cases >= 300, $"{run.Cases} cases");
        Assert.True(run.ServerErrors.Count == 0, string.Join(Environment.NewLine, run.ServerErrors));
        Assert.True(run.PartialWrites.Count == 0, string.Join(Environment.NewLine, run.PartialWrites));
        Assert.True(run.Silent.Count == 0, string.Join(Environment.NewLine, run.Silent.Take(20)));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_corpus_in_the_officers_and_leaders_forms_gets_4xx_with_a_message_never_a_5xx_and_refusals_write_nothing()
    {
        var run = new Run(factory);
        using var officer = factory.CreateBrowser();
        await officer.SignInAsync("committee.14758");
        using var leader = factory.CreateBrowser();
        await leader.SignInAsync("committee-lead.14758");
        foreach (var (category, value) in HostileCorpus.Values)
        {
            // A dossier of its own for each value: an accepted value may end it (a refusal with that reason).
            var code = (await DossierFiler.FileAsync(factory.Services, "1.001193", PortalAppFactory.HamRong)).Value;
            var page = $"/can-bo/ho-so/{code}";
            await run.CaseAsync($"POST receive Version = {category}", () => officer.PostFormAsync($"{page}/receive", new() { ["Version"] = value }, page));
            await run.CaseAsync($"POST apologise NewDate = {category}", () => officer.PostFormAsync($"{page}/apologise", new() { ["NewDate"] = value, ["Reason"] = "Chờ xác minh" }, page));
            await run.CaseAsync($"POST assign Assignee = {category}", () => leader.PostFormAsync($"{page}/assign", new() { ["Assignee"] = value }, page));
            await run.CaseAsync($"POST {{step}} = {category}", () => officer.PostFormAsync($"{page}/{InUrl(value)}", new() { ["Reason"] = "x" }, page));
            var small = Uri.EscapeDataString(value.Length > 100 ? value[..100] : value); // one oversized parameter is enough: Kestrel caps the request line
            await run.CaseAsync($"GET worklist search = {category}", () => officer.Http.GetAsync(
                $"/can-bo/hang-doi?q={InUrl(value)}&procedure={small}&status={small}&dueWithin={small}&after={small}&tab={small}"));
            await run.CaseAsync($"POST refuse Reason = {category}", () => officer.PostFormAsync($"{page}/refuse", new() { ["Reason"] = value }, page));
        }

        output.WriteLine($"{run.Cases} cases: {run.Refused} refused (4xx), {run.Accepted} accepted, {run.ServerErrors.Count} server errors, {run.PartialWrites.Count} writes on a refusal, {run.Silent.Count} refusals without a message ({run.KestrelRefusals} more refused by Kestrel itself)");
        Assert.True(run.Cases >= 250, $"{run.Cases} cases");
        Assert.True(run.ServerErrors.Count == 0, string.Join(Environment.NewLine, run.ServerErrors));
        Assert.True(run.PartialWrites.Count == 0, string.Join(Environment.NewLine, run.PartialWrites));
        Assert.True(run.Silent.Count == 0, string.Join(Environment.NewLine, run.Silent.Take(20)));
    }

    [Fact]
    public async Task The_corpus_in_the_supervisors_query_strings_and_the_administrators_forms_gets_4xx_with_a_message_never_a_5xx()
    {
        var run = new Run(factory);
        using var supervisor = factory.CreateBrowser();
        await supervisor.SignInAsync("supervisor");
        using var admin = factory.CreateBrowser();
        await admin.SignInAsync("admin");
        var n = 0;
        foreach (var (category, value) in HostileCorpus.Values)
        {
            var v = InUrl(value);
            await run.CaseAsync($"GET /giam-sat period and indicator = {category}", () => supervisor.Http.GetAsync($"/giam-sat?from={v}&to={v}&indicator={v}"));
            await run.CaseAsync($"GET /giam-sat/xa/{{code}} = {category}", () => supervisor.Http.GetAsync($"/giam-sat/xa/{v}"));
            await run.CaseAsync($"GET /giam-sat/xa/14758 from = {category}", () => supervisor.Http.GetAsync($"/giam-sat/xa/14758?from={v}"));
            await run.CaseAsync($"GET /giam-sat/xuat.csv table = {category}", () => supervisor.Http.GetAsync($"/giam-sat/xuat.csv?table={v}&from={v}"));
            await run.CaseAsync($"GET /giam-sat/xuat.xlsx from = {category}", () => supervisor.Http.GetAsync($"/giam-sat/xuat.xlsx?from={v}&to={v}"));
            foreach (var field in new[] { "UserName", "FullName", "Role", "Communes" })
            {
                var fields = new Dictionary<string, string>
                {
                    ["UserName"] = $"hostile.{++n}", ["FullName"] = "Nguyễn Văn Thử", ["Role"] = "CommitteeOfficer", ["Communes"] = PortalAppFactory.HamRong,
                };
                fields[field] = value;
                await run.CaseAsync($"POST /quan-tri/can-bo/moi {field} = {category}", () => admin.PostFormAsync("/quan-tri/can-bo/moi", fields, "/quan-tri/can-bo/moi"));
            }

            await run.CaseAsync($"GET /quan-tri/can-bo/{{id}}/xa-phuong = {category}", () => admin.Http.GetAsync($"/quan-tri/can-bo/{v}/xa-phuong"));
        }

        output.WriteLine($"{run.Cases} cases: {run.Refused} refused (4xx), {run.Accepted} accepted, {run.ServerErrors.Count} server errors, {run.PartialWrites.Count} writes on a refusal, {run.Silent.Count} refusals without a message ({run.KestrelRefusals} more refused by Kestrel itself)");
        Assert.True(run.Cases >= 300, $"{run.Cases} cases");
        Assert.True(run.ServerErrors.Count == 0, string.Join(Environment.NewLine, run.ServerErrors));
        Assert.True(run.PartialWrites.Count == 0, string.Join(Environment.NewLine, run.PartialWrites));
        Assert.True(run.Silent.Count == 0, string.Join(Environment.NewLine, run.Silent.Take(20)));
    }

    private static object Filing(string procedure = "1.001193", string commune = PortalAppFactory.HamRong, Dictionary<string, string>? fields = null) =>
        new { procedureCode = procedure, communeCode = commune, fields = fields ?? Birth(null, null) };

    private static Dictionary<string, string> Birth(string? field, string? value)
    {
        var fields = BirthRegistration.Fields();
        if (field is not null)
        {
            fields[field] = value!;
        }

        return fields;
    }

    private static Dictionary<string, string> Registration() => new()
    {
        ["CitizenId"] = "038301000009", ["FullName"] = "Nguyễn Thị Hoa", ["DateOfBirth"] = "2001-04-30", ["Sex"] = "Female", ["PhoneNumber"] = "+84912000111",
        ["ResidenceCommuneCode"] = "14758", ["ResidenceAddress"] = "Số 7 phố Hàm Rồng", ["Password"] = "Hoa@20252025", ["ConfirmPassword"] = "Hoa@20252025", ["Consent"] = "true",
    };

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>
    /// A value escaped for a URL, cut to at most 16 KB once escaped: still twice Kestrel's 8 KB request line (so it is
    /// refused with 414), yet small enough that the client has written all of it when Kestrel answers and closes. A
    /// multi-megabyte URL would still be being written then, and the client would see a reset instead of the answer.
    /// </summary>
    private static string InUrl(string value)
    {
        var escaped = Uri.EscapeDataString(value);
        while (escaped.Length > 16 * 1024)
        {
            value = value[..(value.Length / 2)];
            escaped = Uri.EscapeDataString(value);
        }

        return escaped;
    }

    /// <summary>One run of the corpus: each case's answer, and what the database holds before and after a refusal.</summary>
    private sealed class Run(HostileInputFactory factory)
    {
        public int Cases { get; private set; }

        public int Refused { get; private set; }

        public int Accepted { get; private set; }

        public int KestrelRefusals { get; private set; }

        public Dictionary<HttpStatusCode, int> Statuses { get; } = [];

        public List<string> ServerErrors { get; } = [];

        public List<string> PartialWrites { get; } = [];

        public List<string> Silent { get; } = [];

        public async Task CaseAsync(string name, Func<Task<HttpResponseMessage>> send)
        {
            Cases++;
            var before = await CountsAsync();
            HttpResponseMessage response;
            try
            {
                response = await send();
            }
            catch (HttpRequestException ex)
            {
                ServerErrors.Add($"{name}: the connection failed ({ex.Message})");
                return;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                Statuses[response.StatusCode] = Statuses.GetValueOrDefault(response.StatusCode) + 1;
                var body = await response.Content.ReadAsStringAsync();
                if (status >= 500)
                {
                    ServerErrors.Add($"{name}: {status} {body[..Math.Min(300, body.Length)]}");
                }
                else if (status >= 400)
                {
                    Refused++;
                    if (await CountsAsync() != before)
                    {
                        PartialWrites.Add($"{name}: {status}, yet the database changed");
                    }

                    if (!response.Headers.Contains("Content-Security-Policy") && body.Length == 0)
                    {
                        KestrelRefusals++; // refused by the web server before any of the portal's code runs (no header of ours): no body to give
                    }
                    else if (!HasMessage(body))
                    {
                        Silent.Add($"{name}: {status} with no message");
                    }
                }
                else
                {
                    Accepted++;
                }
            }
        }

        // A problem document with a title, or a page with text: something a person or a client can read.
        private static bool HasMessage(string body)
        {
            if (body.TrimStart().StartsWith('{'))
            {
                using var json = JsonDocument.Parse(body);
                return json.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 };
            }

            return body.Contains("<p", StringComparison.Ordinal) || body.Contains("invalid-feedback", StringComparison.Ordinal) || body.Contains("alert", StringComparison.Ordinal);
        }

        private Task<(int Dossiers, int Users, int Attachments, int Transitions)> CountsAsync() =>
            factory.QueryAsync(async db => (await db.Dossiers.CountAsync(), await db.Users.CountAsync(), await db.Attachments.CountAsync(), await db.DossierTransitions.CountAsync()));
    }
}
