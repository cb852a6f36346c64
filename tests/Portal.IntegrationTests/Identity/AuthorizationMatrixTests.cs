using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Dossiers;
using Portal.Domain.People;
using Portal.Infrastructure.Identity;
using Portal.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Portal.IntegrationTests.Identity;

/// <summary>
/// Walks every route the app maps, as every role that has no business with citizen B's dossier (filed
/// in Phường Hạc Thành, People's Committee queue), and checks that none of them ever sees it: objects
/// of another owner or commune answer 401/403/404 or a sign-in redirect, no page or API leaks B's code,
/// name, ID or look-up secret, and nothing answers 5xx.
/// </summary>
public sealed class AuthorizationMatrixTests(KestrelPortalFactory factory, ITestOutputHelper output) : IClassFixture<KestrelPortalFactory>
{
    private const string CitizenA = "038090000001";
    private const string CitizenB = "038195000002";
    private const string OtherQueue = "worklist-14797-committee";

    private static readonly string[] PublicRoutes =
    [
        "/", "/thu-tuc/{code}", "/dang-nhap", "/dang-nhap/xac-thuc", "/dang-ky", "/thong-bao-du-lieu-ca-nhan", "/ngon-ngu", "/khong-co-quyen",
        "/loi", "/loi/{status:int}", "/dang-xuat", "/dang-nhap/ngoai/{scheme}", "/dang-nhap/ngoai/ket-qua", "/dang-nhap/ngoai/dang-ky",
        "/connect/authorize", "/connect/token", "/connect/logout", "/connect/userinfo", "/health/live", "/health/ready",
        "/tra-cuu", "/kiem-tra/{verificationCode}", "/api/{documentName}/openapi.json", "/api/v1/communes", "/api/v1/procedures", "/api/v1/procedures/{code}", "/api/v1/fees/assessments", "/api/v1/lookup",
    ];

    private static readonly string[] SignsOut = ["/dang-xuat", "/connect/logout"];

    private string _staffId = string.Empty;

    private string _entryId = Guid.Empty.ToString();

    private string _attachmentId = Guid.Empty.ToString();

    private string _delegationId = Guid.Empty.ToString();

    [Fact]
    public async Task No_route_shows_or_changes_another_owners_or_another_communes_dossier_for_any_role()
    {
        var (bCode, bSecret) = await FileAsCitizenBAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            _staffId = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("committee.14797"))!.Id;
        }

        // A real entry of B's history, so the national-form routes are asked for something that exists.
        _entryId = (await factory.QueryAsync(db => db.DossierTransitions.Where(t => db.Dossiers.Any(d => d.Id == t.DossierId && d.Code == DossierCode.Parse(bCode))).Select(t => t.Id).FirstAsync())).ToString();
        // Real objects of B's, so the routes that take them are asked for something that exists: a file, an issued result,
        // and a signing delegation in B's commune queue.
        var bDossier = await factory.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(bCode)));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Portal.Infrastructure.Persistence.PortalDbContext>();
            var attachment = new Portal.Domain.Documents.Attachment(Guid.NewGuid(), bDossier.Id, Portal.Domain.Documents.AttachmentKind.Upload, "giay-to-cua-B.pdf", "application/pdf", 8, "khong-co", "00", DateTimeOffset.UtcNow);
            db.Attachments.Add(attachment);
            db.DossierResults.Add(new Portal.Domain.Documents.DossierResult(bDossier.Id, "BBBBBBBBBBBB", "Kết quả của B", "committee.14797", DateTimeOffset.UtcNow));
            var delegation = new LeaderDelegation
            {
                LeaderUserName = "committee-lead.14797", DelegateUserName = "committee.14797", QueueName = OtherQueue,
                From = DateOnly.FromDateTime(DateTime.UtcNow), To = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), Reason = "Đi công tác", CreatedAt = DateTimeOffset.UtcNow,
            };
            db.LeaderDelegations.Add(delegation);
            await db.SaveChangesAsync();
            (_attachmentId, _delegationId) = (attachment.Id.ToString(), delegation.Id.ToString());
        }

        var secrets = new[] { bCode, bSecret, "Lê Thị Bình", CitizenB, "giay-to-cua-B.pdf", "Kết quả của B", "BBBBBBBBBBBB" };
        var routes = Routes();
        Assert.True(routes.Count > 40, $"only {routes.Count} routes found");

        var failures = new List<string>();
        foreach (var (role, browser, token) in await ActorsAsync())
        {
            using (browser)
            {
                foreach (var (method, pattern, url) in routes.OrderBy(r => SignsOut.Contains(r.Pattern))
                    .SelectMany(r => Steps(r.Pattern).Select(step => (r.Method, r.Pattern, Url(r.Pattern, bCode).Replace("{step}", step, StringComparison.Ordinal)))))
                {
                    var response = await SendAsync(browser, method, url, pattern.StartsWith("/api/", StringComparison.Ordinal) ? token : null);
                    var body = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        failures.Add($"{role} {method} {url}: {status}");
                    }

                    if (secrets.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal)) is { } leaked)
                    {
                        failures.Add($"{role} {method} {url}: shows '{leaked}'");
                    }

                    var targetsB = pattern.Contains("{code}", StringComparison.Ordinal) && !IsProcedureRoute(pattern) || url.Contains(OtherQueue, StringComparison.Ordinal);
                    if (targetsB && !PublicRoutes.Contains(pattern) && !IsRefusal(response))
                    {
                        failures.Add($"{role} {method} {url}: {status} {response.Headers.Location}, expected 401, 403, 404 or a redirect to sign in or to 'no permission'");
                    }
                }
            }
        }

        output.WriteLine($"{routes.Count} routes walked");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        var dossier = await factory.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Code == DossierCode.Parse(bCode)));
        Assert.Equal(DossierStatus.New, dossier.Status);
        Assert.Null(await factory.QueryAsync(db => db.LeaderDelegations.Where(d => d.Id == Guid.Parse(_delegationId)).Select(d => d.RevokedAt).SingleAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.Attachments.CountAsync(a => a.DossierId == dossier.Id)));
    }

    [Fact]
    public async Task The_matrix_can_see_a_leak_the_owner_and_the_right_queue_do_see_the_dossier()
    {
        var (bCode, _) = await FileAsCitizenBAsync();

        using var owner = factory.CreateBrowser();
        await owner.SignInAsync(CitizenB);
        Assert.Contains(bCode, await (await owner.GetAsync($"/ho-so/{bCode}")).Content.ReadAsStringAsync());
        using var officer = factory.CreateBrowser();
        await officer.SignInAsync("committee.14797");
        Assert.Contains(bCode, await (await officer.GetAsync($"/can-bo/hang-doi?queue={OtherQueue}")).Content.ReadAsStringAsync());
    }

    private async Task<(string Code, string Secret)> FileAsCitizenBAsync()
    {
        string userId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(CitizenB))!.Id;
        }

        var code = (await DossierFiler.FileAsync(factory.Services, "1.001193", "14797", new Applicant(userId, CitizenId.Parse(CitizenB), "Lê Thị Bình"))).Value;
        await Eventually.GetAsync(() => factory.QueryAsync(db => db.WorklistItems.FirstOrDefaultAsync(w => w.DossierCode == code)), "B's dossier in its worklist");
        var secret = await factory.QueryAsync(db => db.Dossiers.Where(d => d.Code == DossierCode.Parse(code)).Select(d => d.LookupSecret).SingleAsync());
        return (code, secret);
    }

    private IReadOnlyList<(string Method, string Pattern)> Routes() =>
        [.. factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/', '~'))))
            .Distinct()];

    private async Task<List<(string Role, BrowserClient Browser, string? Token)>> ActorsAsync()
    {
        var actors = new List<(string, BrowserClient, string?)> { ("anonymous", factory.CreateBrowser(), null) };
        foreach (var user in new[] { CitizenA, "police.14758", "police-lead.14758", "committee.14758", "committee-lead.14758", "police.14797", "supervisor", "admin" })
        {
            var browser = factory.CreateBrowser();
            var token = (await OidcClient.CodeFlowAsync(factory.CreateBrowser(), user)).AccessToken;
            await browser.SignInAsync(user);
            actors.Add((user, browser, token));
        }

        using var machine = factory.CreateBrowser();
        actors.Add(("command-center", factory.CreateBrowser(), (await OidcClient.ClientCredentialsAsync(machine.Http)).AccessToken));
        return actors;
    }

    /// <summary>Every statutory step of the officers' dossier route (one URL per step), or the route itself.</summary>
    private static IEnumerable<string> Steps(string pattern) =>
        pattern.Contains("{step}", StringComparison.Ordinal) ? Portal.Web.Features.Casework.CaseworkController.Steps.Order(StringComparer.Ordinal) : [string.Empty];

    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound
        || response.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.Found
            && response.Headers.Location?.OriginalString is { } location
            && (location.StartsWith("/dang-nhap", StringComparison.Ordinal) || location.StartsWith("/khong-co-quyen", StringComparison.Ordinal)
                || location.Contains("://", StringComparison.Ordinal) && new Uri(location).AbsolutePath is "/dang-nhap" or "/khong-co-quyen");

    private static bool IsProcedureRoute(string pattern) => pattern.StartsWith("/thu-tuc/", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/procedures/", StringComparison.Ordinal);

    private string Url(string pattern, string dossierCode)
    {
        var url = pattern
            .Replace("tep/{id:guid}", $"tep/{_attachmentId}", StringComparison.Ordinal)
            .Replace("uy-quyen/{id:guid}", $"uy-quyen/{_delegationId}", StringComparison.Ordinal)
            .Replace("{code}", IsProcedureRoute(pattern) ? "1.001193" : dossierCode, StringComparison.Ordinal)
            .Replace("{procedureCode}", "1.001193", StringComparison.Ordinal)
            .Replace("{status:int}", "404", StringComparison.Ordinal)
            .Replace("{scheme}", "vneid", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{id}", _staffId, StringComparison.Ordinal)
            .Replace("{id:guid}", "6a0c1d2e-0001-4c4e-9a51-122025000001", StringComparison.Ordinal)
            .Replace("{entry:guid}", _entryId, StringComparison.Ordinal)
            .Replace("{verificationCode}", "AAAAAAAAAAAA", StringComparison.Ordinal)
            .Replace("{id:long}", "999999", StringComparison.Ordinal);
        Assert.False(url.Replace("{step}", string.Empty, StringComparison.Ordinal).Contains('{', StringComparison.Ordinal), $"A new route parameter needs a value in this test: {pattern}");
        return url switch
        {
            "/can-bo/hang-doi" => $"{url}?queue={OtherQueue}",
            "/api/v1/lookup" => $"{url}?code={dossierCode}&idNumber={CitizenA}",
            _ => url,
        };
    }

    private static async Task<HttpResponseMessage> SendAsync(BrowserClient browser, string method, string url, string? token)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (token is not null)
        {
            OidcClient.WithBearer(request, token);
        }

        if (method == "POST")
        {
            if (url.StartsWith("/api/", StringComparison.Ordinal))
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            else
            {
                var page = await (await browser.Http.GetAsync("/dang-nhap")).Content.ReadAsStringAsync();
                // Plausible values for every input the dossier forms take, so an input check never answers before authorization.
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page),
                    ["Comment"] = "Bổ sung giấy tờ", ["Reason"] = "Lý do hợp lệ", ["Note"] = "Ghi chú", ["Version"] = "1", ["Liked"] = "true",
                    ["Items"] = "Giấy tờ", ["NewDueDate"] = "31/12/2030", ["Method"] = "VNeID", ["Reference"] = "REF-1", ["Days"] = "1",
                });
            }
        }

        return await browser.Http.SendAsync(request);
    }
}
